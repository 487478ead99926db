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

    /// <summary>One line of narration: <c>sync skipped: no changes</c>, <c>sync: full (no sync record): ...</c> or <c>sync: delta: ...</c>.</summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "sync skipped: no changes";
        }

        var bytes = HumanBytes.Format(Stats.UploadBytes);
        if (FullResync)
        {
            return Invariant($"sync: full ({ReasonText(FullResyncReason)}): {Upload.Count} files, {bytes}");
        }

        return Invariant(
            $"sync: delta: {Upload.Count} to send, {bytes} ({Stats.New} new, {Stats.ChangedLocally} changed, {Stats.ChangedRemotely} changed remotely), {Stats.Deleted} deleted, {Stats.Unchanged} unchanged");
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
