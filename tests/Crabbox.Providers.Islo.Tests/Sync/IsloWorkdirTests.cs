using Crabbox.Core;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Tests.Sync;

public sealed class IsloWorkdirTests
{
    [Theory]
    [InlineData(null, "/workspace/crabbox")]
    [InlineData("", "/workspace/crabbox")]
    [InlineData("  ", "/workspace/crabbox")]
    [InlineData("repo", "/workspace/repo")]
    [InlineData("team/repo", "/workspace/team/repo")]
    [InlineData("team//repo/./", "/workspace/team/repo")]
    [InlineData("a/../b", "/workspace/b")]
    [InlineData("my repo", "/workspace/my repo")]
    public void Resolve_RelativeWorkdir_MapsUnderWorkspace(string? workdir, string expected)
    {
        var workspace = IsloWorkdir.Resolve(workdir);

        Assert.Equal(expected, workspace);
    }

    [Theory]
    [InlineData("/work/repo", "islo workdir \"/work/repo\" must be relative under /workspace")]
    [InlineData("/etc", "islo workdir \"/etc\" must be relative under /workspace")]
    [InlineData(" /etc ", "islo workdir \"/etc\" must be relative under /workspace")]
    [InlineData("../etc", "islo workdir \"../etc\" escapes /workspace")]
    [InlineData("repo/../../../etc", "islo workdir \"../../etc\" escapes /workspace")]
    [InlineData(".", "islo workdir \".\" escapes /workspace")]
    [InlineData("./..", "islo workdir \"..\" escapes /workspace")]
    [InlineData("repo/..", "islo workdir \".\" escapes /workspace")]
    public void Resolve_EscapingWorkdir_ThrowsUsage(string workdir, string message)
    {
        var error = Assert.Throws<CrabboxException>(() => IsloWorkdir.Resolve(workdir));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal(message, error.Message);
    }
}
