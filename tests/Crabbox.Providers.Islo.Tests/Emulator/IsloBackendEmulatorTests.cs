using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Islo.Emulator;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Emulator;

/// <summary>
/// The backend end to end against the Islo emulator: real HTTP and SSE, real tar.gz extraction,
/// real shell commands (the exec fallback and the artifact script run under bash in bubblewrap).
/// </summary>
public sealed class IsloBackendEmulatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_NewLease_SyncsTreeRunsCommandAndDeletes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var harness = session.Harness;
        var backend = session.CreateBackend();

        var result = await backend.RunAsync(Requests.Run(harness, "cat go.mod && ls src && echo $CRABBOX_LEASE_ID"), Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"module example.com/repo\nmain.go\n{result.Session!.LeaseId}\n", harness.Out);
        Assert.Empty(await backend.ListAsync(new ListRequest(), Token).WithTimeout());
        Assert.Null(await harness.ReadClaimAsync(result.Session.LeaseId));
    }

    [Fact]
    public async Task RunAsync_ArchiveApiFails_ExecFallbackDeliversSameTree()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorFaults { FailFilesArchiveUpload = true });
        var harness = session.Harness;
        harness.Repo!.WriteBytes("blob.bin", Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray());

        var result = await session.CreateBackend().RunAsync(Requests.Run(harness, "sha256sum", "blob.bin", "go.mod"), Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: islo archive API upload failed; falling back to exec upload: islo upload archive 500 Internal Server Error: ", harness.Error, StringComparison.Ordinal);
        var expected = await TestProcess.RunCheckedAsync("sha256sum", ["blob.bin", "go.mod"], harness.RepoRoot);
        Assert.Equal(expected, harness.Out);
        Assert.Empty(Directory.GetFiles(harness.ScratchDirectory));
    }

    [Fact]
    public async Task RunAsync_DownloadAndRequiredArtifact_WrittenLocally()
    {
        await using var session = await EmulatorSession.StartAsync();
        var harness = session.Harness;
        var request = Requests.Run(harness, "mkdir -p out && printf 'report' > out/r.txt && ln -s /etc/passwd out/link") with
        {
            RequiredArtifacts = ["out/r.txt"],
            Downloads = [new DownloadSpec("out/r.txt", "fetched/r.txt")],
        };

        var result = await session.CreateBackend().RunAsync(request, Token).WithTimeout();
        var escape = await session.CreateBackend().RunAsync(
            Requests.Run(harness, "mkdir -p out && ln -sf /etc/passwd out/link") with { RequiredArtifacts = ["out/link"] }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("report", await File.ReadAllTextAsync(Path.Combine(harness.RepoRoot, "fetched", "r.txt"), Token));
        Assert.Equal(ExitCodes.Lifecycle, escape.ExitCode);
        Assert.StartsWith("delegated artifact out/link: islo retrieve artifact out/link exited ", escape.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_WarmupStatusReusePauseResumeStop()
    {
        await using var session = await EmulatorSession.StartAsync();
        var harness = session.Harness;
        var backend = session.CreateBackend();

        await backend.WarmupAsync(Requests.Warmup(harness) with { Slug = "warm" }, Token).WithTimeout();
        var status = await backend.StatusAsync(new StatusRequest { Id = "warm", Wait = true }, Token).WithTimeout();
        var first = await backend.RunAsync(Requests.Run(harness, "printf kept > /workspace/crabbox/marker") with { Id = "warm" }, Token).WithTimeout();
        var second = await backend.RunAsync(Requests.Run(harness, "cat", "marker") with { Id = "warm", NoSync = true }, Token).WithTimeout();
        await backend.PauseAsync(new LeaseRequest { Id = "warm" }, Token).WithTimeout();
        var paused = await backend.StatusAsync(new StatusRequest { Id = "warm" }, Token).WithTimeout();
        var target = await backend.ResolveSshAsync(new LeaseRequest { Id = "warm", Repo = harness.RepoInfo }, Token).WithTimeout();
        var resumed = await backend.StatusAsync(new StatusRequest { Id = "warm" }, Token).WithTimeout();
        await backend.StopAsync(new LeaseRequest { Id = "warm" }, Token).WithTimeout();

        Assert.True(status.Ready);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.EndsWith("kept", harness.Out, StringComparison.Ordinal);
        Assert.Equal("paused", paused.State);
        Assert.EndsWith(".islo", target.Host, StringComparison.Ordinal);
        Assert.Equal("running", resumed.State);
        Assert.Empty(await backend.ListAsync(new ListRequest(), Token).WithTimeout());
    }

    [Fact]
    public async Task RunAsync_RemoteExitCode_PassedThrough()
    {
        await using var session = await EmulatorSession.StartAsync();

        var result = await session.CreateBackend().RunAsync(Requests.Run(session.Harness, "echo oops >&2; exit 17"), Token).WithTimeout();

        Assert.Equal(17, result.ExitCode);
        Assert.Equal("islo run exited 17", result.Message);
        Assert.Contains("oops\n", session.Harness.Error, StringComparison.Ordinal);
    }
}
