using Crabbox.Core;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Sync;

public sealed partial class IsloWorkspaceSyncTests
{
    private const string Sandbox = "crabbox-repo-abcdef";
    private const string Workspace = "/workspace/crabbox";
    private const string LeaseId = "isb_" + Sandbox;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrepareSourceAsync_Checkout_ListsFilesAndPrintsCandidate()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Repo!.Write("notes.txt", "untracked but not ignored\n");

        var source = await Sync(harness).PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        Assert.Equal(["go.mod", "notes.txt", "src/main.go"], source.Manifest.Files.Select(file => file.Path));
        Assert.StartsWith("sync candidate: 3 files, ", harness.Error, StringComparison.Ordinal);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task PrepareSourceAsync_OverLimit_SyncExitBeforeAnyCall()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_FAIL_FILES"] = "2";

        var error = await Assert.ThrowsAsync<CrabboxException>(() => Sync(harness).PrepareSourceAsync(harness.RepoInfo!, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.StartsWith("sync candidate", harness.Error, StringComparison.Ordinal);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task SyncAsync_Default_WipesThenStreamsManifestArchive()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Repo!.Write("notes.txt", "hello\n");
        harness.Repo.Symlink("link", "go.mod");
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        var result = await sync.SyncAsync(Request(source), Token).WithTimeout();

        Assert.Equal(["rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'"], harness.Client.Scripts);
        var upload = Assert.Single(harness.Client.CallsTo("upload"));
        Assert.Equal(Workspace, upload.Payload);
        var entries = Archives.Read(Assert.Single(harness.Client.Uploads));
        Assert.Equal(source.Manifest.Files.Select(file => file.Path).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("module example.com/repo\n", entries["go.mod"]);
        Assert.Equal("hello\n", entries["notes.txt"]);
        Assert.Equal("-> go.mod", entries["link"]);
        Assert.Equal(["manifest", "preflight", "prepare", "upload", "islo_sync"], result.Phases.Select(phase => phase.Name));
    }

    [Fact]
    public async Task SyncAsync_DeleteOff_OnlyCreatesWorkspace()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_DELETE"] = "false";
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        await sync.SyncAsync(Request(source), Token).WithTimeout();

        Assert.Equal(["mkdir -p '/workspace/crabbox'"], harness.Client.Scripts);
    }

    [Fact]
    public async Task SyncAsync_FullResyncWithDeleteOff_StillWipes()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_DELETE"] = "false";
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        await sync.SyncAsync(Request(source, fullResync: true), Token).WithTimeout();

        Assert.Equal(["rm -rf '/workspace/crabbox' && mkdir -p '/workspace/crabbox'"], harness.Client.Scripts);
    }

    [Fact]
    public async Task EnsureWorkspaceAsync_NeverWipes()
    {
        using var harness = new BackendHarness();

        await Sync(harness).EnsureWorkspaceAsync(Sandbox, Workspace, Token).WithTimeout();

        Assert.Equal(["mkdir -p '/workspace/crabbox'"], harness.Client.Scripts);
    }

    [Fact]
    public async Task SyncAsync_ArchiveApiFails_FallsBackToExecUploadOfSameArchive()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnUpload = (_, _, _, _) => throw new IsloApiException(System.Net.HttpStatusCode.NotFound, null, "islo upload archive: 404 Not Found");
        var chunks = new List<string>();
        var tempFilesDuringUpload = new List<string>();
        harness.Client.OnExec = (_, request, _, _, _) =>
        {
            var script = request.Command[^1];
            if (script.StartsWith("printf %s '", StringComparison.Ordinal))
            {
                chunks.Add(script["printf %s '".Length..script.IndexOf("' >> ", StringComparison.Ordinal)]);
                tempFilesDuringUpload.AddRange(Directory.GetFiles(harness.ScratchDirectory));
            }

            return Task.FromResult(0);
        };
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        var result = await sync.SyncAsync(Request(source), Token).WithTimeout();

        Assert.Contains("warning: islo archive API upload failed; falling back to exec upload: islo upload archive: 404 Not Found\n", harness.Error, StringComparison.Ordinal);
        var archive = Convert.FromBase64String(string.Concat(chunks));
        Assert.Equal(["go.mod", "src/main.go"], Archives.Read(archive).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("tar -xzf", harness.Client.Scripts[^1], StringComparison.Ordinal);
        Assert.Matches(@"tar -xzf '/tmp/crabbox-[0-9a-f]{6}\.tgz' -C '/workspace/crabbox'; status=\$\?; rm -f ", harness.Client.Scripts[^1]);
        var tempFile = Assert.Single(tempFilesDuringUpload.Distinct());
        Assert.Matches("crabbox-islo-sync-[0-9a-f]{32}\\.tgz$", tempFile);
        Assert.False(File.Exists(tempFile));
        Assert.Contains(result.Phases, phase => phase.Name == "fallback");
    }

    [Fact]
    public async Task SyncAsync_FallbackChunkFails_RemovesLocalAndRemoteTempFiles()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnUpload = (_, _, _, _) => throw new IsloApiException(null, null, "islo upload archive: connection reset");
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(request.Command[^1].StartsWith("printf", StringComparison.Ordinal) ? 1 : 0);
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        var error = await Assert.ThrowsAsync<CrabboxException>(() => sync.SyncAsync(Request(source), Token)).WithTimeout();

        Assert.Equal("islo exec \"append archive chunk\" exited 1", error.Message);
        Assert.StartsWith("rm -f '/tmp/crabbox-", harness.Client.Scripts[^1], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(harness.ScratchDirectory));
    }

    [Fact]
    public async Task SyncAsync_FileVanishedDuringArchive_SyncErrorWithoutFallback()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();
        harness.Repo!.Delete("src/main.go");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => sync.SyncAsync(Request(source), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.DoesNotContain("falling back", harness.Error, StringComparison.Ordinal);
        Assert.Single(harness.Client.Execs);
    }

    [Fact]
    public async Task SyncAsync_SyncTimeoutPasses_SyncExit()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SYNC_TIMEOUT"] = "1s";
        harness.Client.OnExec = async (_, _, _, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        };
        var sync = Sync(harness);
        var source = await sync.PrepareSourceAsync(harness.RepoInfo!, Token).WithTimeout();

        var error = await Assert.ThrowsAsync<CrabboxException>(() => sync.SyncAsync(Request(source), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal("sync timed out after 1s (sync.timeout)", error.Message);
    }

    /// <summary>A sync that keeps no record (a sandbox the run deletes): the plain wipe-and-upload path.</summary>
    private static IsloSyncRequest Request(IsloSyncSource source, bool fullResync = false, bool record = false) => new()
    {
        Sandbox = Sandbox,
        LeaseId = LeaseId,
        Workspace = Workspace,
        Source = source,
        FullResync = fullResync,
        Record = record,
    };

    private static IsloWorkspaceSync Sync(BackendHarness harness)
    {
        var runtime = harness.Runtime();
        var exec = new IsloHelperExec(runtime);
        return new IsloWorkspaceSync(
            runtime,
            new GitSyncManifestBuilder(harness.Repo?.Environment ?? harness.Environment),
            new TarGzSyncArchiveWriter(),
            exec,
            new IsloExecUploader(runtime, exec));
    }
}
