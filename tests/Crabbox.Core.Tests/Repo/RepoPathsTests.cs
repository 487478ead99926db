using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class RepoPathsTests
{
    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("dir/sub/a b.txt", true)]
    [InlineData("-leading", true)]
    [InlineData("..hidden", true)]
    [InlineData("", false)]
    [InlineData("/abs", false)]
    [InlineData("a/../b", false)]
    [InlineData("./a", false)]
    [InlineData("a//b", false)]
    [InlineData("nested/", false)]
    [InlineData("a\\b", false)]
    public void IsSafe_Path_AcceptsOnlyCleanRelativePaths(string path, bool expected)
    {
        Assert.Equal(expected, RepoPaths.IsSafe(path));
    }
}
