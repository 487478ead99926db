using Crabbox.Core;
using Crabbox.Core.Sync.Delta;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Sync;

/// <summary>Recorded syncs against a <see cref="FakeWorkspace"/>: real listings, real removals, real extraction.</summary>
public sealed partial class IsloWorkspaceSyncTests
{
    [Fact]
    public async Task SyncAsync_NoRecord_WipesUploadsListsAndSavesRecord()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);

        var result = await SyncRecordedAsync(harness);

        Assert.Equal(["exec", "upload", "exec"], harness.Client.Calls.Select(call => call.Method));
        Assert.Equal("rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'", harness.Client.Scripts[0]);
        Assert.StartsWith("export LC_ALL=C\ncrabbox_ws='/workspace/crabbox'", harness.Client.Scripts[1], StringComparison.Ordinal);
        Assert.Equal(["go.mod", "src/main.go"], Archives.Read(Assert.Single(remote.Uploads)).Keys.Order(StringComparer.Ordinal));
        var record = await LoadRecordAsync(harness);
        Assert.Equal(["go.mod", "src/main.go"], record!.Entries.Select(entry => entry.Path));
        Assert.All(record.Entries, entry => Assert.NotNull(entry.Observed));
        Assert.Equal(["manifest", "preflight", "prepare", "upload", "hash", "record", "islo_sync"], result.Phases.Select(phase => phase.Name));
        Assert.DoesNotContain("sync full", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_NothingChanged_OneListingExecAndSkipped()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        var calls = harness.Client.Calls.Count;

        var result = await SyncRecordedAsync(harness);

        var call = Assert.Single(harness.Client.Calls.Skip(calls));
        Assert.Equal("exec", call.Method);
        Assert.Single(remote.Uploads);
        Assert.True(result.Skipped);
        Assert.EndsWith("sync skipped: no changes\n", harness.Error, StringComparison.Ordinal);
        Assert.Equal(["manifest", "preflight", "hash", "listing", "plan", "islo_sync"], result.Phases.Select(phase => phase.Name));
    }

    [Fact]
    public async Task SyncAsync_OneFileChanged_SendsOneArchiveWithOnlyThatFile()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        harness.Repo!.Write("src/main.go", "package main // edited\n");
        var calls = harness.Client.Calls.Count;

        var result = await SyncRecordedAsync(harness);

        Assert.Equal(["exec", "upload", "exec"], harness.Client.Calls.Skip(calls).Select(call => call.Method));
        Assert.Equal(new Dictionary<string, string> { ["src/main.go"] = "package main // edited\n" }, Archives.Read(remote.Uploads[^1]));
        Assert.Contains("find './src' './src/main.go' -maxdepth 0 ", harness.Client.Scripts[^1], StringComparison.Ordinal);
        Assert.All((await LoadRecordAsync(harness))!.Entries, entry => Assert.NotNull(entry.Observed));
        Assert.Equal("package main // edited\n", await File.ReadAllTextAsync(remote.PathOf("src/main.go"), Token));
        Assert.Contains("sync delta: upload 1 file (23 B: 1 changed), delete 0, keep 1\n", harness.Error, StringComparison.Ordinal);
        Assert.False(result.Skipped);
        Assert.Equal(
            ["manifest", "preflight", "hash", "listing", "plan", "prepare", "upload", "record", "islo_sync"],
            result.Phases.Select(phase => phase.Name));
    }

    [Fact]
    public async Task SyncAsync_LocalDeleteAndRemoteOutputs_DeletesOnlyWhatWasSynced()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        Directory.CreateDirectory(remote.PathOf("src/out"));
        await File.WriteAllTextAsync(remote.PathOf("src/out/main.o"), "built", Token);
        harness.Repo!.Delete("src/main.go");
        var calls = harness.Client.Calls.Count;

        await SyncRecordedAsync(harness);

        Assert.Equal(["exec", "exec"], harness.Client.Calls.Skip(calls).Select(call => call.Method));
        Assert.False(File.Exists(remote.PathOf("src/main.go")));
        Assert.Equal("built", await File.ReadAllTextAsync(remote.PathOf("src/out/main.o"), Token));
        Assert.Contains("sync delta: upload 0 files (0 B), delete 1, keep 1\n", harness.Error, StringComparison.Ordinal);
        Assert.Equal(["go.mod"], (await LoadRecordAsync(harness))!.Entries.Select(entry => entry.Path));
    }

    [Fact]
    public async Task SyncAsync_RemoteEditedSyncedFile_SendsItAgain()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        await File.WriteAllTextAsync(remote.PathOf("go.mod"), "tampered\n", Token);

        await SyncRecordedAsync(harness);

        Assert.Equal(["go.mod"], Archives.Read(remote.Uploads[^1]).Keys);
        Assert.Equal("module example.com/repo\n", await File.ReadAllTextAsync(remote.PathOf("go.mod"), Token));
        Assert.Contains("(24 B: 1 changed remotely)", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_FullResync_WipesSendsEverythingAndRecordsAgain()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        await File.WriteAllTextAsync(remote.PathOf("generated.txt"), "remote", Token);
        var scripts = harness.Client.Scripts.Count;

        await SyncRecordedAsync(harness, fullResync: true);

        Assert.Equal("rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'", harness.Client.Scripts[scripts]);
        Assert.Equal(scripts + 2, harness.Client.Scripts.Count);
        Assert.Equal(["go.mod", "src/main.go"], Archives.Read(remote.Uploads[^1]).Keys.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(remote.PathOf("generated.txt")));
        Assert.Contains("sync full (--full-resync): upload 2 files (", harness.Error, StringComparison.Ordinal);
        Assert.All((await LoadRecordAsync(harness))!.Entries, entry => Assert.NotNull(entry.Observed));
    }

    [Fact]
    public async Task SyncAsync_UploadFailed_PendingRecordMakesNextSyncSendAgain()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        harness.Repo!.Write("src/main.go", "package main // v2\n");
        remote.FailUpload = new IsloApiException(System.Net.HttpStatusCode.BadGateway, null, "islo upload archive: 502 Bad Gateway");
        remote.Intercept = script => script.StartsWith("printf %s ", StringComparison.Ordinal) ? (1, string.Empty) : null;

        await Assert.ThrowsAsync<CrabboxException>(() => SyncRecordedAsync(harness)).WithTimeout();
        var pending = (await LoadRecordAsync(harness))!.Entries.Single(entry => entry.Path == "src/main.go");
        remote.FailUpload = null;
        remote.Intercept = null;
        var uploads = remote.Uploads.Count;
        await SyncRecordedAsync(harness);

        Assert.Null(pending.Observed);
        Assert.Equal(uploads + 1, remote.Uploads.Count);
        Assert.Equal(["src/main.go"], Archives.Read(remote.Uploads[^1]).Keys);
        Assert.Equal("package main // v2\n", await File.ReadAllTextAsync(remote.PathOf("src/main.go"), Token));
    }

    [Fact]
    public async Task SyncAsync_FailedAfterExtraction_NewFileStillDeletedWhenRemovedLocally()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        harness.Repo!.Write("new.txt", "sent once\n");
        remote.FailAfterExtract = new IsloApiException(null, null, "islo upload archive: connection reset");
        remote.Intercept = script => script.StartsWith("printf %s ", StringComparison.Ordinal) ? (1, string.Empty) : null;

        await Assert.ThrowsAsync<CrabboxException>(() => SyncRecordedAsync(harness)).WithTimeout();
        var landed = File.Exists(remote.PathOf("new.txt"));
        remote.FailAfterExtract = null;
        remote.Intercept = null;
        harness.Repo.Delete("new.txt");
        await SyncRecordedAsync(harness);

        Assert.True(landed);
        Assert.False(File.Exists(remote.PathOf("new.txt")));
        Assert.Contains("delete 1, keep 2\n", harness.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_DeleteOff_KeepsLocallyDeletedFilesRemotely()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_DELETE"] = "false";
        using var remote = new FakeWorkspace(harness.Client);
        await File.WriteAllTextAsync(remote.PathOf("old.txt"), "from before", Token);
        await SyncRecordedAsync(harness);
        harness.Repo!.Delete("go.mod");
        var calls = harness.Client.Calls.Count;

        var result = await SyncRecordedAsync(harness);

        Assert.Equal("mkdir -p '/workspace/crabbox'", harness.Client.Scripts[0]);
        Assert.True(result.Skipped);
        Assert.Single(harness.Client.Calls.Skip(calls));
        Assert.True(File.Exists(remote.PathOf("go.mod")));
        Assert.True(File.Exists(remote.PathOf("old.txt")));
    }

    [Fact]
    public async Task SyncAsync_ListingUnreadable_WarnsAndSyncsEverything()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        remote.Intercept = script => script.StartsWith("export LC_ALL=C", StringComparison.Ordinal) && remote.Uploads.Count == 1
            ? (0, "motd noise\n" + RemoteListing.Header + " listed gzip\n!!!\n" + RemoteListing.EndMarker + "\n")
            : null;

        await SyncRecordedAsync(harness);

        Assert.Contains("warning: remote listing failed: remote listing: invalid base64; syncing everything\n", harness.Error, StringComparison.Ordinal);
        Assert.Contains("sync full (remote listing unavailable): upload 2 files (", harness.Error, StringComparison.Ordinal);
        Assert.Equal(2, Archives.Read(remote.Uploads[^1]).Count);
        Assert.All((await LoadRecordAsync(harness))!.Entries, entry => Assert.NotNull(entry.Observed));
    }

    [Fact]
    public async Task SyncAsync_WorkspaceGone_SyncsEverything()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        await SyncRecordedAsync(harness);
        Directory.Delete(remote.Root, recursive: true);

        await SyncRecordedAsync(harness);

        Assert.Contains("sync full (remote workspace missing): upload 2 files (", harness.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(remote.PathOf("src/main.go")));
    }

    [Fact]
    public async Task SyncAsync_RecordCannotBeSaved_WarnsAndSyncSucceeds()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var remote = new FakeWorkspace(harness.Client);
        var leaseDirectory = harness.Paths.SyncStateDirectory(LeaseId);
        Directory.CreateDirectory(Path.GetDirectoryName(leaseDirectory)!);
        await File.WriteAllTextAsync(leaseDirectory, "a file where the record folder goes", Token);

        await SyncRecordedAsync(harness);

        Assert.Contains("warning: sync record not saved (", harness.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(remote.PathOf("src/main.go")));
    }

    private static async Task<IsloSyncResult> SyncRecordedAsync(BackendHarness harness, bool fullResync = false)
    {
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();
        return await sync.SyncAsync(Request(source, fullResync, record: true), Token).WithTimeout();
    }

    private static Task<SyncRecord?> LoadRecordAsync(BackendHarness harness) =>
        new SyncRecordStore(harness.Paths).LoadAsync(LeaseId, Workspace, Token).WithTimeout();
}
