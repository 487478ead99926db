namespace Crabbox.Core.Sync.Delta;

/// <summary>What a plan found, per manifest entry and per removal.</summary>
/// <param name="Unchanged">Entries identical locally and remotely to the record: not sent.</param>
/// <param name="New">Entries not in the record (for a full sync: every entry).</param>
/// <param name="ChangedLocally">Entries whose content, mode, kind or link target changed locally.</param>
/// <param name="ChangedRemotely">
/// Entries unchanged locally that the remote changed, removed or never confirmed (size, mtime, mode,
/// kind or link target differ from what the record observed after the last sync).
/// </param>
/// <param name="Deleted">Recorded paths gone from the manifest.</param>
/// <param name="Cleared">Remote paths in the way of an upload (a directory where a file goes, a link or file where a directory goes).</param>
/// <param name="UploadBytes">Content bytes of the entries to send.</param>
public sealed record DeltaStats(int Unchanged, int New, int ChangedLocally, int ChangedRemotely, int Deleted, int Cleared, long UploadBytes);
