using Crabbox.Core.Runs;
using Crabbox.Core.Sync.Delta;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

/// <summary>How runs use sync records: reused leases get deltas, sandboxes deleted at the end keep none.</summary>
public sealed partial class IsloRunnerTests
{
    private const string ReusedName = "crabbox-repo-abcdef";
    private const string ReusedLease = "isb_" + ReusedName;

    [Fact]
    public async Task RunAsync_ReusedLeaseTwice_SecondRunOnlyListsAndRunsCommand()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        var first = await RunOnReusedLeaseAsync(harness);
        var calls = harness.Client.Calls.Count;
        var firstError = harness.Error;

        var second = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web", TimingJson = true }, Token).WithTimeout();

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(["exec", "upload", "exec", "exec"], harness.Client.Calls.Take(calls).Select(call => call.Method));
        var execs = harness.Client.Calls.Skip(calls).Select(call => (Crabbox.Providers.Islo.Api.IsloExecRequest)call.Payload!).ToList();
        Assert.Equal(2, execs.Count);
        Assert.True(ExecKind.IsHelper(execs[0]));
        Assert.True(ExecKind.IsWorkload(execs[1]));
        var secondLines = harness.Error[firstError.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("sync skipped: no changes", secondLines);
        Assert.DoesNotContain(secondLines, line => line.StartsWith("sync complete", StringComparison.Ordinal));
        Assert.Contains("\"syncSkipped\":true", secondLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RecordedPruneNamesNoLongerCover_ListsAgainWithTheManifestNames()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await RunOnReusedLeaseAsync(harness);
        var store = new SyncRecordStore(harness.Paths);
        var record = await store.LoadAsync(ReusedLease, FakeWorkspace.Workspace, Token).WithTimeout();
        await store.SaveAsync(ReusedLease, record! with { PruneNames = ["src"] }, Token).WithTimeout();
        var scripts = harness.Client.Scripts.Count;

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web" }, Token).WithTimeout();

        var listings = harness.Client.Scripts.Skip(scripts).Where(script => script.StartsWith("export LC_ALL=C", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, listings.Count);
        Assert.Contains("-name 'src'", listings[0], StringComparison.Ordinal);
        Assert.DoesNotContain("-name 'src'", listings[1], StringComparison.Ordinal);
        Assert.Contains("sync skipped: no changes", harness.ErrorLines);
    }

    [Fact]
    public async Task RunAsync_RecordCorrupt_NoEarlyListingAndFullSyncRecordsAgain()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await RunOnReusedLeaseAsync(harness);
        var store = new SyncRecordStore(harness.Paths);
        var path = store.RecordPath(ReusedLease, FakeWorkspace.Workspace);
        var bytes = await File.ReadAllBytesAsync(path, Token);
        await File.WriteAllBytesAsync(path, bytes[..^1], Token);
        var calls = harness.Client.Calls.Count;
        var firstError = harness.Error;

        var second = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web" }, Token).WithTimeout();

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("upload", harness.Client.Calls.Skip(calls).Select(call => call.Method));
        var secondLines = harness.Error[firstError.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("sync skipped: no changes", secondLines);
        Assert.Contains(secondLines, line => line.StartsWith("sync complete", StringComparison.Ordinal));
        Assert.NotNull(await store.LoadAsync(ReusedLease, FakeWorkspace.Workspace, Token).WithTimeout());
    }

    [Fact]
    public async Task RunAsync_GuardrailFailsOnRecordedLease_SyncErrorAndNoCommand()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await RunOnReusedLeaseAsync(harness);
        harness.Variables["CRABBOX_SYNC_FAIL_FILES"] = "1";
        var workloads = harness.Client.Execs.Count(ExecKind.IsWorkload);

        var error = await Assert.ThrowsAsync<Crabbox.Core.CrabboxException>(
            () => harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web" }, Token)).WithTimeout();

        Assert.Equal(Crabbox.Core.ExitCodes.Sync, error.ExitCode);
        Assert.Equal(workloads, harness.Client.Execs.Count(ExecKind.IsWorkload));
        Assert.Empty(harness.Client.CallsTo("upload").Skip(1));
    }

    [Fact]
    public async Task RunAsync_NoSyncOnRecordedLease_LeavesRecordAlone()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await RunOnReusedLeaseAsync(harness);
        var store = new SyncRecordStore(harness.Paths);
        var before = await File.ReadAllBytesAsync(store.RecordPath(ReusedLease, FakeWorkspace.Workspace), Token);
        harness.Repo!.Write("go.mod", "module changed\n");

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web", NoSync = true }, Token).WithTimeout();

        Assert.Equal(before, await File.ReadAllBytesAsync(store.RecordPath(ReusedLease, FakeWorkspace.Workspace), Token));
        Assert.Equal("mkdir -p '/workspace/crabbox'", harness.Client.Scripts[^2]);
    }

    [Fact]
    public async Task RunAsync_KeepOnFailureButSucceeded_RecordForgottenWithTheSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["create", "exec", "upload", "exec", "exec", "delete"], harness.Client.Calls.Select(call => call.Method));
        Assert.False(Directory.Exists(harness.Paths.SyncStateDirectory(result.Session!.LeaseId)));
    }

    [Fact]
    public async Task RunAsync_KeepOnFailureAndFailed_RecordKeptForTheRerun()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        var workload = remote.Client.OnExec!;
        harness.Client.OnExec = (name, request, stdout, stderr, token) =>
            ExecKind.IsWorkload(request) ? Task.FromResult(3) : workload(name, request, stdout, stderr, token);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(3, result.ExitCode);
        var record = await new SyncRecordStore(harness.Paths).LoadAsync(result.Session!.LeaseId, FakeWorkspace.Workspace, Token).WithTimeout();
        Assert.Equal(["go.mod", "src/main.go"], record!.Entries.Select(entry => entry.Path));
    }

    /// <summary>Claims the reused sandbox for the harness's repo as <c>web</c> and runs on it once (the first, full sync).</summary>
    private static async Task<RunResult> RunOnReusedLeaseAsync(BackendHarness harness)
    {
        await harness.SeedClaimAsync(ReusedLease, slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox(ReusedName);
        return await harness.CreateBackend().RunAsync(Requests.Run(harness) with { Id = "web" }, Token).WithTimeout();
    }
}
