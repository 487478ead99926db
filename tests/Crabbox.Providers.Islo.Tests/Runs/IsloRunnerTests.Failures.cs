using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed partial class IsloRunnerTests
{
    [Fact]
    public async Task RunAsync_RemoteExit42_PassedThroughAndSandboxDeleted()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, stderr, _) => ExecKind.IsWorkload(request) ? Output(stderr, "FAIL\n", 42) : Task.FromResult(0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(42, result.ExitCode);
        Assert.Equal("islo run exited 42", result.Message);
        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorKind.CommandExit, result.ErrorKind);
        Assert.Contains("FAIL", harness.ErrorLines);
        Assert.Equal("islo run summary sync=0s command=0s total=0s exit=42", harness.ErrorLines[^1]);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.False(result.Session!.Kept);
    }

    /// <summary>A process exit status keeps only the low 8 bits: 256 would read as success, so codes outside 1..255 become 255.</summary>
    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task RunAsync_RemoteExitOutsideProcessRange_Exit255WithRealCodeInMessage(int remote)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? remote : 0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(255, result.ExitCode);
        Assert.Equal($"islo run exited {remote}", result.Message);
        Assert.Equal(RunErrorKind.CommandExit, result.ErrorKind);
        Assert.Equal($"islo run summary sync=0s command=0s total=0s exit={remote}", harness.ErrorLines[^1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    public async Task RunAsync_RemoteExitAtProcessRangeEdges_PassedThrough(int remote)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? remote : 0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(remote, result.ExitCode);
        Assert.Equal($"islo run exited {remote}", result.Message);
    }

    [Fact]
    public async Task RunAsync_StreamEndsWithoutExit_ProviderErrorExit1()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) =>
            ExecKind.IsWorkload(request) ? throw new IsloStreamException("islo exec stream ended without exit event") : Task.FromResult(0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("islo run failed: islo exec stream ended without exit event", result.Message);
        Assert.Equal(RunErrorKind.ProviderError, result.ErrorKind);
        Assert.Equal("islo run summary sync=0s command=0s total=0s exit=1", harness.ErrorLines[^1]);
        Assert.Single(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task RunAsync_KeepOnFailureAndCommandFails_KeepsSandboxAndPrintsHints()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 3 : 0);

        var result = await harness.CreateBackend().RunAsync(
            Requests.Run(harness, "pnpm", "test", "--grep", "a b") with { KeepOnFailure = true, Slug = "web" }, Token).WithTimeout();

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(harness.Client.CallsTo("delete"));
        Assert.True(result.Session!.Kept);
        var leaseId = result.Session.LeaseId;
        Assert.Equal(
            [
                "islo run summary sync=0s command=0s total=0s exit=3",
                $"keep-on-failure: kept lease={leaseId} slug=web expires=idle/ttl idle_timeout=30m0s ttl=1h30m0s",
                "rerun: crabbox run --provider islo --id web -- pnpm test --grep 'a b'",
                "stop: crabbox stop --provider islo web",
            ],
            harness.ErrorLines.TakeLast(4));
        Assert.NotNull(await harness.ReadClaimAsync(leaseId));
    }

    [Fact]
    public async Task RunAsync_KeepOnFailureAndSuccess_DeletesQuietly()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.DoesNotContain(harness.ErrorLines, line => line.StartsWith("keep-on-failure", StringComparison.Ordinal));
    }

    /// <summary>Reference quirk 17.4, kept: --keep-on-failure covers the command, not setup.</summary>
    [Fact]
    public async Task RunAsync_KeepOnFailureAndPrepareFails_StillDeletes()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsHelper(request) ? 1 : 0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("islo exec \"rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'\" exited 1", result.Message);
        Assert.NotNull(result.Session);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Empty(harness.Client.CallsTo("upload"));
        Assert.DoesNotContain(harness.ErrorLines, line => line.StartsWith("keep-on-failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_KeepOnFailureOnReusedLease_PrintsHintsOnly()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync("isb_crabbox-repo-abcdef", slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox("crabbox-repo-abcdef");
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 1 : 0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web", KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stop: crabbox stop --provider islo web", harness.ErrorLines);
        Assert.Empty(harness.Client.CallsTo("delete"));
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("stopped")]
    public async Task RunAsync_SandboxTerminalWhileStarting_Exit5AndDeletedWithoutSync(string status)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["starting", status];

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal(ExitCodes.Readiness, result.ExitCode);
        Assert.Equal($"islo sandbox {name} entered terminal state={status}", result.Message);
        Assert.Empty(harness.Client.Execs);
        Assert.Equal(["create", "get", "get", "delete"], harness.Client.Calls.Select(call => call.Method));
        Assert.Null(await harness.ReadClaimAsync("isb_" + name));
    }

    [Fact]
    public async Task RunAsync_SandboxNeverRunning_TimesOutAtWaitTimeoutAndDeletes()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["starting"];

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { WaitTimeout = TimeSpan.FromSeconds(3) }, Token).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal(ExitCodes.Readiness, result.ExitCode);
        Assert.Equal($"timed out waiting for islo sandbox {name} to become running", result.Message);
        Assert.Equal(TimeSpan.FromSeconds(3), ((SteppingTimeProvider)harness.Time).Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step));
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Empty(harness.Client.Execs);
    }

    [Fact]
    public async Task RunAsync_GuardrailRefuses_NoSandboxCreated()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_FAIL_FILES"] = "1";

        var error = await Assert.ThrowsAsync<CrabboxException>(() => harness.CreateBackend().RunAsync(Requests.Run(harness), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task RunAsync_UnsafeWorkdirWithoutKey_WorkdirReportedFirst()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");
        harness.Flag(IsloConfigKeys.Workdir, "--islo-workdir", "../escape");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => harness.CreateBackend().RunAsync(Requests.Run(harness), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("islo workdir \"../escape\" escapes /workspace", error.Message);
        Assert.Empty(harness.Factory.Created);
    }

    [Fact]
    public async Task RunAsync_NoKey_UsageNamingTheVariable()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => harness.CreateBackend().RunAsync(Requests.Run(harness), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("provider=islo requires ISLO_API_KEY", error.Message);
        Assert.Empty(harness.Factory.Created);
        Assert.Equal("", harness.Error);
    }

    [Fact]
    public async Task RunAsync_CreateRejected_ErrorPropagatesWithoutCleanup()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnCreate = _ => throw new IsloAuthException(System.Net.HttpStatusCode.Unauthorized, null, "islo create sandbox: 401 Unauthorized");

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => harness.CreateBackend().RunAsync(Requests.Run(harness), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.Empty(harness.Client.CallsTo("delete"));
    }
}
