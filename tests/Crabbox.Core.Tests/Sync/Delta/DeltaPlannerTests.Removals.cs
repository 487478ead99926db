using Crabbox.Core.Sync.Delta;
using static Crabbox.Core.Tests.Sync.Delta.DeltaTestData;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed partial class DeltaPlannerTests
{
    [Fact]
    public void Plan_FileDeletedLocally_DeletesOnlyIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files.Where(entry => entry.Path != "README.md")]);
        var remote = Listing([.. listing.Entries, RemoteFile("generated.txt")]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, remote, fullResync: false);

        Assert.False(plan.IsEmpty);
        Assert.Empty(plan.Upload);
        Assert.Equal(["README.md"], plan.Delete);
        Assert.Empty(plan.Clear);
        Assert.Empty(plan.RemoveEmptyDirectories);
        Assert.Equal(1, plan.Stats.Deleted);
    }

    [Fact]
    public void Plan_FileDeletedLocallyAndAlreadyGoneRemotely_StillDeletes()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files.Where(entry => entry.Path != "README.md")]);
        var remote = Listing(listing.Entries.Where(entry => entry.Path != "README.md"));

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, remote, fullResync: false);

        Assert.Equal(["README.md"], plan.Delete);
    }

    [Fact]
    public void Plan_DeleteRemovedOff_KeepsDeletedPathsRemotely()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files.Where(entry => entry.Path is not ("README.md" or "src/lib/util.cs"))]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false, deleteRemoved: false);

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Delete);
        Assert.Empty(plan.RemoveEmptyDirectories);
        Assert.Equal(0, plan.Stats.Deleted);
    }

    [Fact]
    public void Plan_DeleteRemovedOffAndDeletedFileBecameDirectory_ClearsTheFile()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files.Where(entry => entry.Path != "README.md"), File("README.md/inner.txt", 5)]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false, deleteRemoved: false);

        AssertUploads(plan, "README.md/inner.txt");
        Assert.Empty(plan.Delete);
        Assert.Equal(["README.md"], plan.Clear);
    }

    [Fact]
    public void Plan_Renamed_UploadsNewPathAndDeletesOld()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files.Where(entry => entry.Path != "src/lib/util.cs"), File("src/util.cs", 300)]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, listing, fullResync: false);

        AssertUploads(plan, "src/util.cs");
        Assert.Equal(["src/lib/util.cs"], plan.Delete);
        Assert.Equal(["src/lib"], plan.RemoveEmptyDirectories);
    }

    [Fact]
    public void Plan_DeepTreeDeleted_RemovesEmptiedDirectoriesDeepestFirstButKeepsNeededOnes()
    {
        var manifest = Manifest([.. s_base.Files, File("x/y/z/deep.txt"), File("x/y/other.txt"), File("src/lib/more/m.cs")]);
        var (record, listing) = Synced(manifest, Hashes(manifest));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, listing, fullResync: false);

        Assert.Equal(["src/lib/more/m.cs", "x/y/other.txt", "x/y/z/deep.txt"], plan.Delete);
        Assert.Equal(["src/lib/more", "x/y/z", "x/y", "x"], plan.RemoveEmptyDirectories);
    }

    [Fact]
    public void Plan_DirectoryBecameFile_DeletesChildrenAndClearsTheDirectory()
    {
        var manifest = Manifest([.. s_base.Files, File("docs/a.md"), File("docs/sub/b.md")]);
        var (record, listing) = Synced(manifest, Hashes(manifest));
        var after = Manifest([.. s_base.Files, File("docs", 12)]);
        var remote = Listing([.. listing.Entries, RemoteFile("docs/remote-made.html")]);

        var plan = DeltaPlanner.Plan(after, Hashes(after), record, remote, fullResync: false);

        AssertUploads(plan, "docs");
        Assert.Equal(["docs/a.md", "docs/sub/b.md"], plan.Delete);
        Assert.Equal(["docs"], plan.Clear);
        Assert.Equal(["docs/sub"], plan.RemoveEmptyDirectories);
    }

    [Fact]
    public void Plan_FileBecameDirectory_DeletesTheFileAndUploadsChildren()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var after = Manifest([.. s_base.Files.Where(entry => entry.Path != "README.md"), File("README.md/part1"), File("README.md/part2")]);

        var plan = DeltaPlanner.Plan(after, Hashes(after), record, listing, fullResync: false);

        AssertUploads(plan, "README.md/part1", "README.md/part2");
        Assert.Equal(["README.md"], plan.Delete);
        Assert.Empty(plan.Clear);
        Assert.Empty(plan.RemoveEmptyDirectories);
    }

    [Fact]
    public void Plan_LinkBecameDirectory_DeletesTheLinkAndUploadsChildren()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var after = Manifest([.. s_base.Files.Where(entry => entry.Path != "current"), File("current/app.cs")]);

        var plan = DeltaPlanner.Plan(after, Hashes(after), record, listing, fullResync: false);

        AssertUploads(plan, "current/app.cs");
        Assert.Equal(["current"], plan.Delete);
        Assert.Empty(plan.Clear);
    }
}
