using Crabbox.Core.Sync.Delta;
using static Crabbox.Core.Tests.Sync.Delta.DeltaTestData;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed class SyncRecordBuilderTests
{
    private static readonly Crabbox.Core.Repo.SyncManifest s_manifest = Manifest(
        File("a.txt", 5), File("bin/tool", 9, executable: true), Link("link", "a.txt"));

    [Fact]
    public void Build_ListingMatchesManifest_RecordsRemoteObservationsAndHashes()
    {
        var listing = Listing(s_manifest.Files.Select(Remote));

        var result = SyncRecordBuilder.Build(Workspace, s_manifest, Hashes(s_manifest), listing);

        Assert.Empty(result.Unverified);
        Assert.Equal(Workspace, result.Record.Workspace);
        Assert.Equal(
            [
                new SyncRecordEntry("a.txt", Crabbox.Core.Repo.ManifestEntryKind.File, 0b110_100_100, 5, Hash("content:a.txt"), null, Remote(s_manifest.Files[0]).Observation),
                new SyncRecordEntry("bin/tool", Crabbox.Core.Repo.ManifestEntryKind.File, 0b111_101_101, 9, Hash("content:bin/tool"), null, Remote(s_manifest.Files[1]).Observation),
                new SyncRecordEntry("link", Crabbox.Core.Repo.ManifestEntryKind.Symlink, 0b111_111_111, 5, null, "a.txt", Remote(s_manifest.Files[2]).Observation),
            ],
            result.Record.Entries);
    }

    [Fact]
    public void Build_UmaskedModes_StillConfirmed()
    {
        var listing = Listing(s_manifest.Files.Select(entry => Remote(entry) with { Mode = entry.Mode & 0b111_000_000 }));

        var result = SyncRecordBuilder.Build(Workspace, s_manifest, Hashes(s_manifest), listing);

        Assert.Empty(result.Unverified);
    }

    [Fact]
    public void Build_RemoteDiffersFromWhatWasSent_EntriesUnconfirmed()
    {
        var listing = Listing(
        [
            Remote(s_manifest.Files[0]) with { Size = 6 },
            Remote(s_manifest.Files[1]) with { Mode = 0b110_100_100 },
            Remote(s_manifest.Files[2]) with { LinkTarget = "other" },
        ]);
        var missing = Listing([]);

        var differing = SyncRecordBuilder.Build(Workspace, s_manifest, Hashes(s_manifest), listing);
        var absent = SyncRecordBuilder.Build(Workspace, s_manifest, Hashes(s_manifest), missing);

        Assert.Equal(["a.txt", "bin/tool", "link"], differing.Unverified);
        Assert.All(differing.Record.Entries, entry => Assert.Null(entry.Observed));
        Assert.Equal(["a.txt", "bin/tool", "link"], absent.Unverified);
    }

    [Fact]
    public void Build_RemoteHasDirectoryOrLinkWhereFileWent_EntryUnconfirmed()
    {
        var listing = Listing([RemoteFile("a.txt/inner"), RemoteLink("bin/tool", "x"), Remote(s_manifest.Files[2])]);

        var result = SyncRecordBuilder.Build(Workspace, s_manifest, Hashes(s_manifest), listing);

        Assert.Equal(["a.txt", "bin/tool"], result.Unverified);
    }

    [Fact]
    public void Pending_AddsUploadsAsUnconfirmedAndKeepsEverythingElse()
    {
        var (record, listing) = Synced(s_manifest, Hashes(s_manifest));
        var after = Manifest(File("a.txt", 6), File("new.txt", 1), Link("link", "a.txt"));
        var hashes = Hashes(after);
        var plan = DeltaPlanner.Plan(after, hashes, record, listing, fullResync: false);

        var pending = SyncRecordBuilder.Pending(record, plan, hashes);

        Assert.Equal(["a.txt", "bin/tool", "link", "new.txt"], pending.Entries.Select(entry => entry.Path));
        Assert.Null(pending.Entries[0].Observed);
        Assert.Equal(6, pending.Entries[0].Size);
        Assert.Equal(record.Entries[1], pending.Entries[1]);
        Assert.Equal(record.Entries[2], pending.Entries[2]);
        Assert.Null(pending.Entries[3].Observed);
        Assert.Equal(Hash("content:new.txt"), pending.Entries[3].ContentHash);
    }

    [Fact]
    public void Pending_ThenFailedSync_NextPlanResendsAndStillDeletes()
    {
        var (record, listing) = Synced(s_manifest, Hashes(s_manifest));
        var after = Manifest(File("a.txt", 5), File("bin/tool", 9, executable: true), Link("link", "a.txt"), File("new.txt", 1));
        var plan = DeltaPlanner.Plan(after, Hashes(after), record, listing, fullResync: false);
        var pending = SyncRecordBuilder.Pending(record, plan, Hashes(after));
        var remoteAfterFailure = Listing([.. listing.Entries, RemoteFile("new.txt", 1)]);

        var retry = DeltaPlanner.Plan(after, Hashes(after), pending, remoteAfterFailure, fullResync: false);
        var deletedMeanwhile = DeltaPlanner.Plan(s_manifest, Hashes(s_manifest), pending, remoteAfterFailure, fullResync: false);

        Assert.Equal(["new.txt"], retry.Upload.Select(entry => entry.Path));
        Assert.Equal(["new.txt"], deletedMeanwhile.Delete);
    }
}
