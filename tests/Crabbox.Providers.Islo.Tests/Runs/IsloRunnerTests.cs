using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed partial class IsloRunnerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_NewLease_CreatesWaitsSyncsRunsAndDeletes()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.OnExec = (_, request, stdout, _, _) => ExecKind.IsWorkload(request) ? Output(stdout, "ok\n", 0) : Task.FromResult(0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness, "go", "test", "./..."), Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Null(result.Message);
        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(["create", "get", "exec", "upload", "exec", "delete"], harness.Client.Calls.Select(call => call.Method));
        var name = harness.Client.Calls[0].Sandbox!;
        var leaseId = "isb_" + name;
        var workload = harness.Client.Execs[^1];
        Assert.Equal(["go", "test", "./..."], workload.Command);
        Assert.Equal("/workspace/crabbox", workload.Workdir);
        Assert.Null(workload.User);
        Assert.Equal("1", workload.Env!["CI"]);
        Assert.Equal("run_0123456789ab", workload.Env["CRABBOX_RUN_ID"]);
        Assert.Equal(leaseId, workload.Env["CRABBOX_LEASE_ID"]);
        Assert.Equal(result.Session!.Slug, workload.Env["CRABBOX_SLUG"]);
        Assert.Equal("ok\n", harness.Out);
        var lines = harness.ErrorLines;
        Assert.StartsWith("sync candidate: 2 files, ", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                $"leased {leaseId} slug={result.Session.Slug} provider=islo sandbox={name}",
                $"provider=islo lease={leaseId} sandbox={name}",
                "sync complete in 0s",
                "islo run summary sync=0s command=0s total=1s exit=0",
            ],
            lines.Skip(1));
        Assert.Null(await harness.ReadClaimAsync(leaseId));
    }

    [Fact]
    public async Task RunAsync_NewLease_SessionHandleDescribesCleanup()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Keep = true }, Token).WithTimeout();

        var session = result.Session!;
        Assert.Equal("islo", session.Provider);
        Assert.StartsWith("isb_crabbox-repo-", session.LeaseId, StringComparison.Ordinal);
        Assert.False(session.Reused);
        Assert.True(session.Kept);
        Assert.Equal("run_0123456789ab", session.RunId);
        Assert.Equal($"crabbox stop --provider islo '{session.LeaseId}'", session.CleanupCommand);
        Assert.Empty(harness.Client.CallsTo("delete"));
        Assert.NotNull(await harness.ReadClaimAsync(session.LeaseId));
    }

    [Fact]
    public async Task RunAsync_ReusedLease_NoCreateNoDelete()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync("isb_crabbox-repo-abcdef", slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox("crabbox-repo-abcdef");

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web" }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["exec", "upload", "exec", "exec"], harness.Client.Calls.Select(call => call.Method));
        Assert.True(result.Session!.Reused);
        Assert.True(result.Session.Kept);
        Assert.Equal("web", result.Session.Slug);
        Assert.DoesNotContain(harness.ErrorLines, line => line.StartsWith("leased ", StringComparison.Ordinal));
        Assert.Contains("provider=islo lease=isb_crabbox-repo-abcdef sandbox=crabbox-repo-abcdef", harness.ErrorLines);
    }

    [Fact]
    public async Task RunAsync_ReuseWithoutClaim_IdentityErrorBeforeAnyCall()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "crabbox-repo-abcdef" }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Contains("use --reclaim to adopt it before reuse", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task RunAsync_ReuseWithReclaim_AdoptsVerifiedSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.AddSandbox("crabbox-repo-abcdef");

        var result = await harness.CreateBackend().RunAsync(
            Requests.Run(harness) with { Id = "crabbox-repo-abcdef", Reclaim = true, NoSync = true }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(harness.RepoRoot, (await harness.ReadClaimAsync("isb_crabbox-repo-abcdef"))!.RepoRoot);
        Assert.Equal(["get", "exec", "exec"], harness.Client.Calls.Select(call => call.Method));
    }

    /// <summary>Deliberate fix of reference quirk 17.3: --no-sync on a warm sandbox keeps its files.</summary>
    [Fact]
    public async Task RunAsync_NoSync_OnlyEnsuresWorkspaceAndReportsSkippedSync()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync("isb_crabbox-repo-abcdef", slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox("crabbox-repo-abcdef");

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web", NoSync = true }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["mkdir -p '/workspace/crabbox'"], harness.Client.Execs.Where(ExecKind.IsHelper).Select(exec => exec.Command[^1]));
        Assert.Empty(harness.Client.CallsTo("upload"));
        Assert.DoesNotContain(harness.ErrorLines, line => line.StartsWith("sync ", StringComparison.Ordinal));
        Assert.Equal("islo run summary sync_skipped=true command=0s total=0s exit=0", harness.ErrorLines[^1]);
    }

    [Fact]
    public async Task RunAsync_OutsideRepositoryWithNoSync_CreatesUnclaimedLease()
    {
        using var harness = new BackendHarness();

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness, "printf ok"), Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("crabbox-crabbox-", harness.Client.Calls[0].Sandbox, StringComparison.Ordinal);
        Assert.Equal(["bash", "-lc", "printf ok"], harness.Client.Execs[^1].Command);
        Assert.Single(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task RunAsync_ShellMode_JoinsCommand()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        await harness.CreateBackend().RunAsync(Requests.Run(harness, "pnpm install", "&&", "pnpm test") with { Shell = true }, Token).WithTimeout();

        Assert.Equal(["bash", "-lc", "pnpm install && pnpm test"], harness.Client.Execs[^1].Command);
    }

    [Fact]
    public async Task RunAsync_FullResyncWithDeleteOff_WipesWorkspace()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_DELETE"] = "0";

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { FullResync = true }, Token).WithTimeout();

        Assert.Equal("rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'", harness.Client.Scripts[0]);
    }

    [Fact]
    public async Task RunAsync_CustomWorkdir_UsedForSyncAndCommand()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Flag(IsloConfigKeys.Workdir, "--islo-workdir", "team/repo");

        await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal("/workspace/team/repo", harness.Client.CallsTo("upload")[0].Payload);
        Assert.Equal("/workspace/team/repo", harness.Client.Execs[^1].Workdir);
    }

    private static async Task<int> Output(Stream stream, string text, int exitCode)
    {
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        return exitCode;
    }
}
