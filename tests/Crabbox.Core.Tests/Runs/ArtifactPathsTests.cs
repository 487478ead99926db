using Crabbox.Core.Runs;

namespace Crabbox.Core.Tests.Runs;

public sealed class ArtifactPathsTests
{
    [Theory]
    [InlineData("out/a.txt", "out/a.txt")]
    [InlineData(" ./out//./a.txt ", "out/a.txt")]
    [InlineData("out/tmp/../a.txt", "out/a.txt")]
    public void Validate_SafeRelativePath_ReturnsItCleaned(string path, string expected)
    {
        var cleaned = ArtifactPaths.Validate("--require-artifact", path);

        Assert.Equal(expected, cleaned);
    }

    [Theory]
    [InlineData("/etc/passwd", "/etc/passwd")]
    [InlineData("out/../../a.txt", "../a.txt")]
    [InlineData("out/..", ".")]
    [InlineData("x/../.git/config", ".git/config")]
    public void Validate_UnsafePath_UsageErrorNamingTheCleanedPath(string path, string cleaned)
    {
        var error = Assert.Throws<CrabboxException>(() => ArtifactPaths.Validate("--download", path));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"--download for delegated providers requires a safe relative file path: {cleaned}", error.Message);
    }
}
