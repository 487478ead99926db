using System.Globalization;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// What one sync must do to make the remote workspace hold exactly the manifest's entries (plus
/// whatever the remote created that is not in their way). Applied in this order: the
/// <see cref="DeltaScripts.Prepare"/> scripts (<see cref="Delete"/>, then <see cref="Clear"/>, then
/// <see cref="RemoveEmptyDirectories"/>) or, for a full sync, <see cref="DeltaScripts.Wipe"/>; then one
/// archive of <see cref="Upload"/> extracted over the workspace.
/// </summary>
public sealed record DeltaPlan
{
    /// <summary>Wipe the workspace and send every entry; the removal lists are then empty.</summary>
    public required bool FullResync { get; init; }

    /// <summary>Why the sync is full; null for a delta.</summary>
    public FullSyncReason? FullResyncReason { get; init; }

    /// <summary>The manifest entries to send, in manifest (ordinal path) order.</summary>
    public required IReadOnlyList<ManifestEntry> Upload { get; init; }

    /// <summary>Recorded paths gone from the manifest, removed recursively (sorted).</summary>
    public required IReadOnlyList<string> Delete { get; init; }

    /// <summary>Remote paths removed recursively before extraction because they are in an upload's way (sorted).</summary>
    public required IReadOnlyList<string> Clear { get; init; }

    /// <summary>
    /// Parent directories of deleted paths that no manifest entry needs, deepest first: removed only
    /// if they end up empty (the remote's own files keep them).
    /// </summary>
    public required IReadOnlyList<string> RemoveEmptyDirectories { get; init; }

    public required DeltaStats Stats { get; init; }

    /// <summary>Nothing to send and nothing to remove: the sync can be skipped entirely.</summary>
    public bool IsEmpty => !FullResync && Upload.Count == 0 && Delete.Count == 0 && Clear.Count == 0;

    /// <summary>
    /// One line of narration: <c>sync skipped: no changes</c>;
    /// <c>sync full (no sync record): upload 20020 files (236.1 MiB)</c>; or
    /// <c>sync delta: upload 2 files (2.1 KiB: 1 new, 1 changed), delete 1, keep 20017</c>, naming only
    /// the non-zero kinds of change (<c>changed remotely</c>, and <c>, clear N</c> when remote paths in
    /// an upload's way go).
    /// </summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "sync skipped: no changes";
        }

        var upload = Invariant($"upload {Upload.Count} {(Upload.Count == 1 ? "file" : "files")} ({HumanBytes.Format(Stats.UploadBytes)}");
        if (FullResync)
        {
            return Invariant($"sync full ({ReasonText(FullResyncReason)}): {upload})");
        }

        var kinds = new List<string>(3);
        AddKind(kinds, Stats.New, "new");
        AddKind(kinds, Stats.ChangedLocally, "changed");
        AddKind(kinds, Stats.ChangedRemotely, "changed remotely");
        var detail = kinds.Count == 0 ? string.Empty : ": " + string.Join(", ", kinds);
        var clear = Stats.Cleared == 0 ? string.Empty : Invariant($", clear {Stats.Cleared}");
        return Invariant($"sync delta: {upload}{detail}), delete {Stats.Deleted}{clear}, keep {Stats.Unchanged}");
    }

    private static void AddKind(List<string> kinds, int count, string name)
    {
        if (count > 0)
        {
            kinds.Add(Invariant($"{count} {name}"));
        }
    }

    private static string ReasonText(FullSyncReason? reason) => reason switch
    {
        FullSyncReason.Requested => "--full-resync",
        FullSyncReason.NoRecord => "no sync record",
        FullSyncReason.NoListing => "remote listing unavailable",
        FullSyncReason.WorkspaceMissing => "remote workspace missing",
        FullSyncReason.WorkspaceEmpty => "remote workspace empty",
        _ => "unknown",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
