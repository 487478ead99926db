using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed class IsloHelperExecTests
{
    [Fact]
    public void Shown_ArchiveChunk_Summarized()
    {
        var shown = IsloHelperExec.Shown("printf %s 'QUJDRA==' >> '/tmp/crabbox-abc123.tgz.b64'");

        Assert.Equal("append archive chunk", shown);
    }

    [Fact]
    public void Shown_OtherCommand_Unchanged()
    {
        var shown = IsloHelperExec.Shown("mkdir -p '/workspace/repo'");

        Assert.Equal("mkdir -p '/workspace/repo'", shown);
    }

    [Fact]
    public async Task RunAsync_NonZeroExit_ThrowsThatExitCodeNamingTheCommand()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, _, stderr, _) =>
        {
            stderr.Write("mkdir: denied\n"u8);
            return Task.FromResult(3);
        };
        var exec = new IsloHelperExec(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => exec.RunAsync("crabbox-repo-abcdef", "mkdir -p '/workspace/repo'", null, TestContext.Current.CancellationToken)).WithTimeout();

        Assert.Equal(3, error.ExitCode);
        Assert.Equal("islo exec \"mkdir -p '/workspace/repo'\" exited 3", error.Message);
        Assert.Equal("mkdir: denied\n", harness.Error);
        var request = Assert.Single(harness.Client.Execs);
        Assert.Equal(["bash", "-lc", "mkdir -p '/workspace/repo'"], request.Command);
        Assert.Null(request.Workdir);
        Assert.Null(request.User);
    }

    [Fact]
    public async Task RunAsync_StreamErrorOnChunk_NamesChunkNotData()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, _, _, _) => throw new IsloStreamException("islo exec stream ended without exit event");
        var exec = new IsloHelperExec(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => exec.RunAsync("box", "printf %s 'U0VDUkVU' >> '/tmp/x.b64'", "islo", TestContext.Current.CancellationToken)).WithTimeout();

        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Equal("islo exec \"append archive chunk\": islo exec stream ended without exit event", error.Message);
        Assert.Equal("islo", Assert.Single(harness.Client.Execs).User);
    }
}
