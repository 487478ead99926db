using Crabbox.Core.Runs;

namespace Crabbox.Core.Tests.Runs;

/// <summary>The vectors of Go's <c>path.Clean</c> tests, which both the artifact paths and the Islo workdir rely on.</summary>
public sealed class PosixPathTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("abc", "abc")]
    [InlineData("abc/def", "abc/def")]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("../..", "../..")]
    [InlineData("../../abc", "../../abc")]
    [InlineData("/abc", "/abc")]
    [InlineData("/", "/")]
    [InlineData("abc/", "abc")]
    [InlineData("/abc/", "/abc")]
    [InlineData("//abc", "/abc")]
    [InlineData("//abc//", "/abc")]
    [InlineData("abc//def//ghi", "abc/def/ghi")]
    [InlineData("abc/./def", "abc/def")]
    [InlineData("/./abc/def", "/abc/def")]
    [InlineData("abc/.", "abc")]
    [InlineData("abc/def/ghi/../jkl", "abc/def/jkl")]
    [InlineData("abc/def/../ghi/../jkl", "abc/jkl")]
    [InlineData("abc/def/..", "abc")]
    [InlineData("abc/def/../..", ".")]
    [InlineData("/abc/def/../..", "/")]
    [InlineData("abc/def/../../..", "..")]
    [InlineData("/abc/def/../../..", "/")]
    [InlineData("abc/def/../../../ghi/jkl/../../../mno", "../../mno")]
    [InlineData("abc/./../def", "def")]
    [InlineData("abc//./../def", "def")]
    [InlineData("abc/../../././../def", "../../def")]
    [InlineData("/../abc", "/abc")]
    [InlineData("my repo/./x", "my repo/x")]
    public void Clean_Path_MatchesGoPathClean(string path, string expected)
    {
        var cleaned = PosixPath.Clean(path);

        Assert.Equal(expected, cleaned);
    }
}
