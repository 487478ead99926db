using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;
using static Crabbox.Core.Tests.Sync.Delta.DeltaTestData;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed partial class DeltaPlannerTests
{
    private static readonly SyncManifest s_base = Manifest(
        File("README.md", 100), File("src/app.cs", 2000), File("src/lib/util.cs", 300), File("scripts/run.sh", 40, executable: true),
        Link("current", "src/app.cs"));

    [Fact]
    public void Plan_NoRecord_FullSyncOfEverything()
    {
        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), previous: null, Listing([]), fullResync: false);

        AssertFull(plan, FullSyncReason.NoRecord);
        Assert.Equal("sync full (no sync record): upload 5 files (2.4 KiB)", plan.Describe());
    }

    [Fact]
    public void Plan_FullResyncRequested_FullSyncEvenWhenNothingChanged()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, listing, fullResync: true);

        AssertFull(plan, FullSyncReason.Requested);
    }

    [Fact]
    public void Plan_NoListing_FullSync()
    {
        var (record, _) = Synced(s_base, Hashes(s_base));

        var withoutListing = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote: null, fullResync: false);
        var unsupported = DeltaPlanner.Plan(s_base, Hashes(s_base), record, RemoteSnapshot.Unsupported, fullResync: false);

        AssertFull(withoutListing, FullSyncReason.NoListing);
        AssertFull(unsupported, FullSyncReason.NoListing);
    }

    [Fact]
    public void Plan_WorkspaceMissing_FullSync()
    {
        var (record, _) = Synced(s_base, Hashes(s_base));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, RemoteSnapshot.Missing, fullResync: false);

        AssertFull(plan, FullSyncReason.WorkspaceMissing);
    }

    [Fact]
    public void Plan_WorkspaceEmptyButRecordIsNot_FullSync()
    {
        var (record, _) = Synced(s_base, Hashes(s_base));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, Listing([]), fullResync: false);

        AssertFull(plan, FullSyncReason.WorkspaceEmpty);
    }

    [Fact]
    public void Plan_EmptyRecordAndEmptyWorkspace_DeltaOfTheNewFiles()
    {
        var empty = new SyncRecord { Workspace = Workspace, Entries = [] };

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), empty, Listing([]), fullResync: false);

        Assert.False(plan.FullResync);
        Assert.Equal(s_base.Files, plan.Upload);
        Assert.Equal(5, plan.Stats.New);
    }

    [Fact]
    public void Plan_NothingChanged_EmptyPlan()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, listing, fullResync: false);

        Assert.True(plan.IsEmpty);
        Assert.Equal(new DeltaStats(5, 0, 0, 0, 0, 0, 0), plan.Stats);
        Assert.Equal("sync skipped: no changes", plan.Describe());
    }

    [Fact]
    public void Plan_RemoteCreatedFilesOnly_EmptyPlan()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var withOutputs = Listing([.. listing.Entries, RemoteFile("node_modules/x/index.js"), RemoteFile("src/app.dll"), RemoteDirectory("bin")]);

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, withOutputs, fullResync: false);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_NewFile_UploadsOnlyIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files, File("src/new.cs", 77)]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "src/new.cs");
        Assert.Equal(new DeltaStats(5, 1, 0, 0, 0, 0, 77), plan.Stats);
        Assert.Equal("sync delta: upload 1 file (77 B: 1 new), delete 0, keep 5", plan.Describe());
    }

    [Fact]
    public void Plan_ContentChangedSameSize_UploadsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var hashes = Hashes(s_base);
        hashes["src/app.cs"] = Hash("edited");

        var plan = DeltaPlanner.Plan(s_base, hashes, record, listing, fullResync: false);

        AssertUploads(plan, "src/app.cs");
        Assert.Equal(1, plan.Stats.ChangedLocally);
    }

    [Fact]
    public void Plan_SizeChanged_UploadsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Replace(s_base, File("README.md", 101));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "README.md");
        Assert.Equal(101, plan.Stats.UploadBytes);
    }

    [Fact]
    public void Plan_ExecBitChanged_UploadsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Replace(s_base, File("scripts/run.sh", 40, executable: false));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "scripts/run.sh");
        Assert.Equal(1, plan.Stats.ChangedLocally);
    }

    [Fact]
    public void Plan_LinkRetargeted_UploadsItAndClearsTheOldLink()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Replace(s_base, Link("current", "README.md"));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "current");
        Assert.Equal(["current"], plan.Clear);
    }

    [Fact]
    public void Plan_FileBecameLink_UploadsLinkAndClearsTheFile()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Replace(s_base, Link("README.md", "docs/readme"));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "README.md");
        Assert.Equal(["README.md"], plan.Clear);
        Assert.Equal(1, plan.Stats.ChangedLocally);
    }

    [Fact]
    public void Plan_LinkBecameFile_UploadsFileAndClearsTheLink()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Replace(s_base, File("current", 7));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "current");
        Assert.Equal(["current"], plan.Clear);
    }

    [Fact]
    public void Plan_FileWithoutLocalHash_CountsAsChanged()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var hashes = Hashes(s_base);
        hashes.Remove("src/lib/util.cs");

        var plan = DeltaPlanner.Plan(s_base, hashes, record, listing, fullResync: false);

        AssertUploads(plan, "src/lib/util.cs");
    }

    private static void AssertFull(DeltaPlan plan, FullSyncReason reason)
    {
        Assert.True(plan.FullResync);
        Assert.False(plan.IsEmpty);
        Assert.Equal(reason, plan.FullResyncReason);
        Assert.Equal(s_base.Files, plan.Upload);
        Assert.Empty(plan.Delete);
        Assert.Empty(plan.Clear);
        Assert.Empty(plan.RemoveEmptyDirectories);
        Assert.Empty(DeltaScripts.Prepare(Workspace, plan));
    }

    private static void AssertUploads(DeltaPlan plan, params string[] paths)
    {
        Assert.False(plan.FullResync);
        Assert.False(plan.IsEmpty);
        Assert.Equal(paths, plan.Upload.Select(entry => entry.Path));
    }

    private static SyncManifest Replace(SyncManifest manifest, params ManifestEntry[] replacements) =>
        Manifest([.. manifest.Files.Where(entry => replacements.All(replacement => replacement.Path != entry.Path)), .. replacements]);
}
