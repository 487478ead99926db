using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>One path crabbox synced to a remote workspace, as it was locally and as the remote saw it.</summary>
/// <param name="Path">Workspace-relative path with <c>/</c> separators.</param>
/// <param name="Kind">A regular file or a symbolic link.</param>
/// <param name="Mode">The manifest mode that was sent (<c>0644</c>, <c>0755</c> or <c>0777</c> for links).</param>
/// <param name="Size">The manifest size that was sent.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the content sent (files); null for links or when unknown.</param>
/// <param name="LinkTarget">The link target sent (links); null for files.</param>
/// <param name="Observed">
/// The remote's size, mtime and mode after the sync; null when the sync did not confirm the path
/// (it failed part-way, or the remote did not match what was sent), which makes the next sync send it again.
/// </param>
public sealed record SyncRecordEntry(
    string Path,
    ManifestEntryKind Kind,
    int Mode,
    long Size,
    string? ContentHash,
    string? LinkTarget,
    RemoteObservation? Observed);
