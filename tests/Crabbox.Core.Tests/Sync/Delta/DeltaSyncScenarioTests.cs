using System.Runtime.Versioning;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>Hand-written delta sync stories over a real checkout and a real remote directory.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DeltaSyncScenarioTests : IAsyncLifetime
{
    private DeltaSyncHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await DeltaSyncHarness.CreateAsync().WithTimeout();
        _harness.Repo.Write(".gitignore", "build/\n");
        _harness.Repo.Write("README.md", "# demo\n");
        _harness.Repo.Write("src/app.cs", "class App {}\n");
        _harness.Repo.Write("src/lib/util.cs", "static class Util {}\n");
        _harness.Repo.Write("scripts/run.sh", "#!/bin/sh\necho run\n");
        _harness.Repo.MakeExecutable("scripts/run.sh");
        _harness.Repo.Symlink("current", "src/app.cs");
        await _harness.Repo.CommitAllAsync().WithTimeout();
    }

    public ValueTask DisposeAsync()
    {
        _harness.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SyncAsync_FirstSync_FullAndRuleHolds()
    {
        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.True(pass.Plan.FullResync);
        Assert.Equal(FullSyncReason.NoRecord, pass.Plan.FullResyncReason);
        Assert.Equal(6, pass.Plan.Upload.Count);
        SyncRule.AssertHolds(_harness, pass, null, "first sync");
    }

    [Fact]
    public async Task SyncAsync_NothingChanged_PlanEmptyAndRecordNotRewritten()
    {
        await _harness.SyncAsync().WithTimeout();
        var recordFile = _harness.Store.RecordPath(DeltaSyncHarness.LeaseId, _harness.Workspace);
        var written = File.GetLastWriteTimeUtc(recordFile);

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.True(pass.Plan.IsEmpty);
        Assert.Equal("sync skipped: no changes", pass.Plan.Describe());
        Assert.Equal(6, pass.Plan.Stats.Unchanged);
        Assert.Equal(written, File.GetLastWriteTimeUtc(recordFile));
    }

    [Fact]
    public async Task SyncAsync_OneFileEdited_UploadsExactlyThatFile()
    {
        await _harness.SyncAsync().WithTimeout();
        _harness.Repo.Write("src/lib/util.cs", "static class Util { }\n");

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.False(pass.Plan.FullResync);
        Assert.Equal(["src/lib/util.cs"], pass.Plan.Upload.Select(entry => entry.Path));
        Assert.Equal(new DeltaStats(5, 0, 1, 0, 0, 0, 22), pass.Plan.Stats);
        Assert.Empty(DeltaScripts.Prepare(_harness.Workspace, pass.Plan));
        SyncRule.AssertHolds(_harness, pass, null, "one edit");
    }

    [Fact]
    public async Task SyncAsync_RemoteOutputsAndRemoteEdit_OutputsKeptAndEditUndone()
    {
        await _harness.SyncAsync().WithTimeout();
        WriteRemote("node_modules/dep/index.js", "module.exports = 1;\n");
        WriteRemote("build/app.dll", "binary");
        WriteRemote("src/app.generated.cs", "// generated\n");
        WriteRemote("src/app.cs", "class App { /* edited remotely */ }\n");

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.Equal(["src/app.cs"], pass.Plan.Upload.Select(entry => entry.Path));
        Assert.Equal(1, pass.Plan.Stats.ChangedRemotely);
        Assert.Empty(pass.Plan.Delete);
        Assert.Empty(pass.Plan.Clear);
        SyncRule.AssertHolds(_harness, pass, null, "remote outputs");
        Assert.Equal("binary", File.ReadAllText(_harness.RemotePath("build/app.dll")));
        Assert.Equal("// generated\n", File.ReadAllText(_harness.RemotePath("src/app.generated.cs")));
        Assert.True(File.Exists(_harness.RemotePath("node_modules/dep/index.js")));
    }

    [Fact]
    public async Task SyncAsync_LocalDeleteAndRename_RemovesOnlyWhatCrabboxSynced()
    {
        await _harness.SyncAsync().WithTimeout();
        WriteRemote("src/lib/cache.bin", "remote cache");
        _harness.Repo.Delete("README.md");
        File.Move(_harness.Repo.FullPath("src/lib/util.cs"), _harness.Repo.FullPath("src/util.cs"));

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.Equal(["src/util.cs"], pass.Plan.Upload.Select(entry => entry.Path));
        Assert.Equal(["README.md", "src/lib/util.cs"], pass.Plan.Delete);
        SyncRule.AssertHolds(_harness, pass, null, "delete and rename");
        Assert.Equal("remote cache", File.ReadAllText(_harness.RemotePath("src/lib/cache.bin")));
        Assert.False(File.Exists(_harness.RemotePath("README.md")));
    }

    [Fact]
    public async Task SyncAsync_FullResyncRequested_WipesRemoteOutputs()
    {
        await _harness.SyncAsync().WithTimeout();
        WriteRemote("build/app.dll", "binary");

        var pass = await _harness.SyncAsync(fullResync: true).WithTimeout();

        Assert.Equal(FullSyncReason.Requested, pass.Plan.FullResyncReason);
        Assert.False(File.Exists(_harness.RemotePath("build/app.dll")));
        SyncRule.AssertHolds(_harness, pass, null, "full resync");
        Assert.True((await _harness.SyncAsync().WithTimeout()).Plan.IsEmpty);
    }

    [Fact]
    public async Task SyncAsync_CorruptRecord_FallsBackToFullSync()
    {
        await _harness.SyncAsync().WithTimeout();
        var recordFile = _harness.Store.RecordPath(DeltaSyncHarness.LeaseId, _harness.Workspace);
        await File.WriteAllTextAsync(recordFile, "garbage", TestContext.Current.CancellationToken);

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.Equal(FullSyncReason.NoRecord, pass.Plan.FullResyncReason);
        SyncRule.AssertHolds(_harness, pass, null, "corrupt record");
    }

    [Fact]
    public async Task SyncAsync_WorkspaceRemovedRemotely_FallsBackToFullSync()
    {
        await _harness.SyncAsync().WithTimeout();
        Directory.Delete(_harness.Workspace, recursive: true);

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.Equal(FullSyncReason.WorkspaceMissing, pass.Plan.FullResyncReason);
        SyncRule.AssertHolds(_harness, pass, null, "workspace removed");
    }

    [Fact]
    public async Task SyncAsync_CrashBeforeRecordSaved_NextSyncStillDeletesWhatWasSent()
    {
        await _harness.SyncAsync().WithTimeout();
        _harness.Repo.Write("src/new.cs", "class New {}\n");
        await _harness.SyncAsync(crashAfterExtract: true).WithTimeout();
        Assert.True(File.Exists(_harness.RemotePath("src/new.cs")));
        _harness.Repo.Delete("src/new.cs");

        var pass = await _harness.SyncAsync().WithTimeout();

        Assert.Equal(["src/new.cs"], pass.Plan.Delete);
        Assert.False(File.Exists(_harness.RemotePath("src/new.cs")));
        SyncRule.AssertHolds(_harness, pass, null, "after crash");
    }

    private void WriteRemote(string relativePath, string content)
    {
        var path = _harness.RemotePath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
