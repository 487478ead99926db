using Crabbox.Core.Sync.Delta;
using static Crabbox.Core.Tests.Sync.Delta.DeltaTestData;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed partial class DeltaPlannerTests
{
    [Fact]
    public void Plan_RemoteFileDeleted_ResendsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing(listing.Entries.Where(entry => entry.Path != "src/lib/util.cs"));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "src/lib/util.cs");
        Assert.Equal(new DeltaStats(4, 0, 0, 1, 0, 0, 300), plan.Stats);
        Assert.Empty(plan.Clear);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("mtime")]
    [InlineData("mode")]
    public void Plan_RemoteFileChanged_ResendsIt(string what)
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing(listing.Entries.Select(entry => entry.Path != "src/app.cs" ? entry : what switch
        {
            "size" => entry with { Size = entry.Size + 1 },
            "mtime" => entry with { MtimeNanoseconds = entry.MtimeNanoseconds + 1 },
            _ => entry with { Mode = 0b111_101_101 },
        }));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "src/app.cs");
        Assert.Equal(1, plan.Stats.ChangedRemotely);
        Assert.Empty(plan.Clear);
    }

    [Fact]
    public void Plan_RemoteReplacedFileWithDirectory_ResendsItAndClearsTheDirectory()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing([.. listing.Entries.Where(entry => entry.Path != "README.md"), RemoteFile("README.md/generated.txt")]);

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "README.md");
        Assert.Equal(["README.md"], plan.Clear);
    }

    [Fact]
    public void Plan_RemoteReplacedFileWithLink_ResendsItAndClearsTheLink()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing([.. listing.Entries.Where(entry => entry.Path != "README.md"), RemoteLink("README.md", "/etc/passwd")]);

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "README.md");
        Assert.Equal(["README.md"], plan.Clear);
    }

    [Fact]
    public void Plan_RemoteRetargetedLink_ResendsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing(listing.Entries.Select(entry => entry.Path == "current" ? entry with { LinkTarget = "elsewhere" } : entry));

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "current");
        Assert.Equal(["current"], plan.Clear);
    }

    [Fact]
    public void Plan_RemoteReplacedParentDirectoryWithLink_ResendsChildrenAndClearsTheLink()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var remote = Listing([.. listing.Entries.Where(entry => !entry.Path.StartsWith("src/lib", StringComparison.Ordinal)), RemoteLink("src/lib", "/tmp")]);

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), record, remote, fullResync: false);

        AssertUploads(plan, "src/lib/util.cs");
        Assert.Equal(["src/lib"], plan.Clear);
    }

    [Fact]
    public void Plan_UnconfirmedRecordEntry_ResendsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var pending = record with
        {
            Entries = [.. record.Entries.Select(entry => entry.Path == "README.md" ? entry with { Observed = null } : entry)],
        };

        var plan = DeltaPlanner.Plan(s_base, Hashes(s_base), pending, listing, fullResync: false);

        AssertUploads(plan, "README.md");
        Assert.Equal(1, plan.Stats.ChangedRemotely);
    }

    [Fact]
    public void Plan_RemoteCreatedFileWhereNewFileGoes_OverwritesWithoutClearing()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files, File("out.txt", 5)]);
        var remote = Listing([.. listing.Entries, RemoteFile("out.txt", 99)]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, remote, fullResync: false);

        AssertUploads(plan, "out.txt");
        Assert.Empty(plan.Clear);
    }

    [Fact]
    public void Plan_RemoteCreatedDirectoryWhereNewFileGoes_ClearsIt()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files, File("build", 5)]);
        var remote = Listing([.. listing.Entries, RemoteFile("build/output.o")]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, remote, fullResync: false);

        AssertUploads(plan, "build");
        Assert.Equal(["build"], plan.Clear);
    }

    [Fact]
    public void Plan_RemoteCreatedFileOrLinkWhereNewDirectoryGoes_ClearsOnlyTheTopmostBlocker()
    {
        var (record, listing) = Synced(s_base, Hashes(s_base));
        var manifest = Manifest([.. s_base.Files, File("gen/a/b.txt"), File("gen/a/c.txt"), File("out/x.txt")]);
        var remote = Listing([.. listing.Entries, RemoteFile("gen"), RemoteLink("out", "/etc")]);

        var plan = DeltaPlanner.Plan(manifest, Hashes(manifest), record, remote, fullResync: false);

        AssertUploads(plan, "gen/a/b.txt", "gen/a/c.txt", "out/x.txt");
        Assert.Equal(["gen", "out"], plan.Clear);
        Assert.Equal(2, plan.Stats.Cleared);
    }
}
