using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

public sealed class RealPathTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Resolve_SymlinkedDirectoryAndFile_ReturnsTarget()
    {
        var real = _dir.Write(Path.Combine("real", "inner", "file.yaml"), "x: 1\n");
        var linkedDir = Path.Combine(_dir.Root, "linked");
        Directory.CreateSymbolicLink(linkedDir, Path.Combine(_dir.Root, "real"));
        var linkedFile = Path.Combine(_dir.Root, "file-link.yaml");
        File.CreateSymbolicLink(linkedFile, Path.Combine("linked", "inner", "file.yaml"));

        Assert.Equal(real, RealPath.Resolve(Path.Combine(linkedDir, "inner", "file.yaml")));
        Assert.Equal(real, RealPath.Resolve(linkedFile));
    }

    [Fact]
    public void Resolve_MissingPath_ReturnsFullPath()
    {
        var missing = Path.Combine(_dir.Root, "nope", "..", "missing.yaml");

        Assert.Equal(Path.Combine(_dir.Root, "missing.yaml"), RealPath.Resolve(missing));
    }

    [Fact]
    public void Resolve_SymlinkLoop_ThrowsIOException()
    {
        var a = Path.Combine(_dir.Root, "a");
        var b = Path.Combine(_dir.Root, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        Assert.Throws<IOException>(() => RealPath.Resolve(a));
    }

    [Theory]
    [InlineData("repo/sub/file.yaml", true)]
    [InlineData("repo-other/file.yaml", false)]
    [InlineData("repo", false)]
    [InlineData("file.yaml", false)]
    public void IsInside_Path_TrueOnlyStrictlyUnderDirectory(string relative, bool expected)
    {
        Assert.Equal(expected, RealPath.IsInside(Path.Combine(_dir.Root, relative), _dir.Repo));
    }
}
