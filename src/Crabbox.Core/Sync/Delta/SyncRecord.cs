namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// What crabbox knows about one remote workspace of one lease after its last sync: every path it
/// synced there. Paths the remote created itself (build outputs, installed dependencies) are never
/// in it, so a delta sync never deletes them.
/// </summary>
public sealed record SyncRecord
{
    /// <summary>The on-disk format version; a file with another version is ignored (full sync).</summary>
    public const int FormatVersion = 2;

    /// <summary>The absolute remote workspace path the entries are relative to.</summary>
    public required string Workspace { get; init; }

    /// <summary>
    /// The directory names the listing that confirmed this record pruned
    /// (<see cref="RemoteListing.PruneNames"/>), sorted: the next sync can start listing the
    /// workspace with them before its own manifest exists.
    /// </summary>
    public IReadOnlyList<string> PruneNames { get; init; } = [];

    /// <summary>The synced entries, sorted by ordinal path, paths unique.</summary>
    public required IReadOnlyList<SyncRecordEntry> Entries { get; init; }
}
