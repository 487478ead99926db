using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>Builds sync records: the final one after a sync, and a pending one to save before a delta starts changing the remote.</summary>
public static class SyncRecordBuilder
{
    private const int OwnerExecute = 0b001_000_000;

    /// <summary>
    /// The record after a successful sync: every manifest entry with its local facts and hash, and
    /// what <paramref name="postSync"/> (a listing taken after extraction, with the same prune names as
    /// the listing the plan used) shows at its path, when that matches what was sent.
    /// When the plan sent nothing, the listing taken for the plan may be passed instead.
    /// <paramref name="pruneNames"/> (the names the listings pruned) are kept in the record so the next
    /// sync can list the workspace before its own manifest exists.
    /// </summary>
    public static SyncRecordBuildResult Build(
        string workspace,
        SyncManifest manifest,
        IReadOnlyDictionary<string, string> localHashes,
        RemoteSnapshot postSync,
        IReadOnlyList<string>? pruneNames = null)
    {
        var listed = new Dictionary<string, RemoteEntry>(postSync.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in postSync.Entries)
        {
            listed[entry.Path] = entry;
        }

        var entries = new List<SyncRecordEntry>(manifest.Files.Count);
        var unverified = new List<string>();
        foreach (var entry in manifest.Files)
        {
            listed.TryGetValue(entry.Path, out var remote);
            var confirmed = remote is not null && Matches(entry, remote);
            if (!confirmed)
            {
                unverified.Add(entry.Path);
            }

            entries.Add(ToRecordEntry(entry, localHashes, confirmed ? remote!.Observation : null));
        }

        return new SyncRecordBuildResult(Sorted(workspace, entries) with { PruneNames = pruneNames ?? [] }, unverified);
    }

    /// <summary>
    /// The record to save before a delta plan's removals and upload run: <paramref name="previous"/>
    /// with every entry of <see cref="DeltaPlan.Upload"/> added or replaced as unconfirmed. If the sync
    /// then fails part-way, the next plan sends those entries again and still deletes any of them that
    /// disappear locally, so nothing crabbox sent is ever forgotten. (Before a full sync, delete the
    /// record instead: the wipe removes everything it describes.)
    /// </summary>
    public static SyncRecord Pending(SyncRecord previous, DeltaPlan plan, IReadOnlyDictionary<string, string> localHashes)
    {
        var entries = new Dictionary<string, SyncRecordEntry>(previous.Entries.Count + plan.Upload.Count, StringComparer.Ordinal);
        foreach (var entry in previous.Entries)
        {
            entries[entry.Path] = entry;
        }

        foreach (var entry in plan.Upload)
        {
            entries[entry.Path] = ToRecordEntry(entry, localHashes, observed: null);
        }

        return Sorted(previous.Workspace, entries.Values) with { PruneNames = previous.PruneNames };
    }

    private static bool Matches(ManifestEntry entry, RemoteEntry remote) => entry.Kind == ManifestEntryKind.File
        ? remote.Kind == RemoteEntryKind.File
            && remote.Size == entry.Size
            && (remote.Mode & OwnerExecute) == (entry.Mode & OwnerExecute)
        : remote.Kind == RemoteEntryKind.Symlink && remote.LinkTarget == entry.LinkTarget;

    private static SyncRecordEntry ToRecordEntry(ManifestEntry entry, IReadOnlyDictionary<string, string> localHashes, RemoteObservation? observed) =>
        new(
            entry.Path,
            entry.Kind,
            entry.Mode,
            entry.Size,
            entry.Kind == ManifestEntryKind.File ? localHashes.GetValueOrDefault(entry.Path) : null,
            entry.Kind == ManifestEntryKind.Symlink ? entry.LinkTarget : null,
            observed);

    private static SyncRecord Sorted(string workspace, IEnumerable<SyncRecordEntry> entries) => new()
    {
        Workspace = workspace,
        Entries = [.. entries.OrderBy(entry => entry.Path, StringComparer.Ordinal)],
    };
}
