using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed class DeltaPlanTests
{
    [Fact]
    public void Describe_EveryKindOfChange_NamesOnlyNonZeroKinds()
    {
        var plan = Plan(upload: 4, new DeltaStats(Unchanged: 20015, New: 1, ChangedLocally: 2, ChangedRemotely: 1, Deleted: 2, Cleared: 1, UploadBytes: 18_842));

        var line = plan.Describe();

        Assert.Equal("sync delta: upload 4 files (18.4 KiB: 1 new, 2 changed, 1 changed remotely), delete 2, clear 1, keep 20015", line);
    }

    [Fact]
    public void Describe_OnlyDeletes_SaysSoWithoutKinds()
    {
        var plan = Plan(upload: 0, new DeltaStats(7, 0, 0, 0, 3, 0, 0));

        var line = plan.Describe();

        Assert.Equal("sync delta: upload 0 files (0 B), delete 3, keep 7", line);
    }

    [Theory]
    [InlineData(FullSyncReason.Requested, "sync full (--full-resync): upload 2 files (10 B)")]
    [InlineData(FullSyncReason.NoListing, "sync full (remote listing unavailable): upload 2 files (10 B)")]
    [InlineData(FullSyncReason.WorkspaceMissing, "sync full (remote workspace missing): upload 2 files (10 B)")]
    [InlineData(FullSyncReason.WorkspaceEmpty, "sync full (remote workspace empty): upload 2 files (10 B)")]
    public void Describe_FullSync_NamesTheReason(FullSyncReason reason, string expected)
    {
        var plan = Plan(upload: 2, new DeltaStats(0, 2, 0, 0, 0, 0, 10)) with { FullResync = true, FullResyncReason = reason };

        Assert.Equal(expected, plan.Describe());
    }

    private static DeltaPlan Plan(int upload, DeltaStats stats) => new()
    {
        FullResync = false,
        Upload = [.. Enumerable.Range(0, upload).Select(i => DeltaTestData.File($"f{i}"))],
        Delete = [.. Enumerable.Range(0, stats.Deleted).Select(i => $"gone{i}")],
        Clear = [.. Enumerable.Range(0, stats.Cleared).Select(i => $"clear{i}")],
        RemoveEmptyDirectories = [],
        Stats = stats,
    };
}
