using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// Decides what a sync sends and removes, from the manifest, the local content hashes, the record
/// of the last sync and a fresh listing of the remote workspace.
/// <para>
/// An entry is sent when it is new, when it changed locally against the record (content hash, size,
/// mode, kind, link target), or when the remote no longer shows what the record observed after the
/// last sync (missing, other kind, other size, mtime or mode, other link target, or never confirmed).
/// A recorded path gone from the manifest is deleted; nothing else the remote holds is, except what
/// stands in an upload's way. A remote edit that keeps both size and mtime (to the nanosecond) is
/// not noticed; <c>--full-resync</c> covers that.
/// </para>
/// </summary>
public static class DeltaPlanner
{
    /// <param name="manifest">What the sync must ship.</param>
    /// <param name="localHashes">Lowercase hex SHA-256 per manifest file path; a file without one counts as changed.</param>
    /// <param name="previous">The record of the last sync to this workspace; null for none (full sync).</param>
    /// <param name="remote">The listing taken just now; null when none could be taken (full sync).</param>
    /// <param name="fullResync">Forces a full sync (<c>--full-resync</c>).</param>
    /// <param name="deleteRemoved">
    /// False keeps recorded paths that left the manifest on the remote (<c>sync.delete: false</c>):
    /// <see cref="DeltaPlan.Delete"/> stays empty, and such a path is removed only when it stands in an
    /// upload's way (then it is in <see cref="DeltaPlan.Clear"/>).
    /// </param>
    public static DeltaPlan Plan(
        SyncManifest manifest,
        IReadOnlyDictionary<string, string> localHashes,
        SyncRecord? previous,
        RemoteSnapshot? remote,
        bool fullResync,
        bool deleteRemoved = true)
    {
        if (FullReason(previous, remote, fullResync) is { } reason)
        {
            return new DeltaPlan
            {
                FullResync = true,
                FullResyncReason = reason,
                Upload = manifest.Files,
                Delete = [],
                Clear = [],
                RemoveEmptyDirectories = [],
                Stats = new DeltaStats(0, manifest.Files.Count, 0, 0, 0, 0, ContentBytes(manifest.Files)),
            };
        }

        var recorded = new Dictionary<string, SyncRecordEntry>(previous!.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in previous.Entries)
        {
            recorded[entry.Path] = entry;
        }

        var listed = new Dictionary<string, RemoteEntry>(remote!.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in remote.Entries)
        {
            listed[entry.Path] = entry;
        }

        var upload = new List<ManifestEntry>();
        Span<int> counts = stackalloc int[4];
        foreach (var entry in manifest.Files)
        {
            recorded.TryGetValue(entry.Path, out var before);
            listed.TryGetValue(entry.Path, out var now);
            var change = Classify(entry, localHashes.GetValueOrDefault(entry.Path), before, now);
            counts[(int)change]++;
            if (change != EntryChange.Unchanged)
            {
                upload.Add(entry);
            }
        }

        var manifestPaths = manifest.Files.Select(entry => entry.Path).ToArray();
        Array.Sort(manifestPaths, StringComparer.Ordinal);
        var delete = deleteRemoved
            ? previous.Entries
                .Select(entry => entry.Path)
                .Where(path => Array.BinarySearch(manifestPaths, path, StringComparer.Ordinal) < 0)
                .ToList()
            : [];
        var clear = ClearPaths(upload, listed, delete);
        return new DeltaPlan
        {
            FullResync = false,
            Upload = upload,
            Delete = delete,
            Clear = clear,
            RemoveEmptyDirectories = EmptiedDirectories(delete, manifestPaths),
            Stats = new DeltaStats(
                counts[(int)EntryChange.Unchanged],
                counts[(int)EntryChange.New],
                counts[(int)EntryChange.ChangedLocally],
                counts[(int)EntryChange.ChangedRemotely],
                delete.Count,
                clear.Count,
                ContentBytes(upload)),
        };
    }

    private static FullSyncReason? FullReason(SyncRecord? previous, RemoteSnapshot? remote, bool fullResync)
    {
        if (fullResync)
        {
            return FullSyncReason.Requested;
        }

        if (previous is null)
        {
            return FullSyncReason.NoRecord;
        }

        return remote?.Status switch
        {
            null or RemoteSnapshotStatus.Unsupported => FullSyncReason.NoListing,
            RemoteSnapshotStatus.WorkspaceMissing => FullSyncReason.WorkspaceMissing,
            _ when remote.Entries.Count == 0 && previous.Entries.Count > 0 => FullSyncReason.WorkspaceEmpty,
            _ => null,
        };
    }

    private static EntryChange Classify(ManifestEntry entry, string? hash, SyncRecordEntry? before, RemoteEntry? now)
    {
        if (before is null)
        {
            return EntryChange.New;
        }

        var changedLocally = before.Kind != entry.Kind || (entry.Kind == ManifestEntryKind.File
            ? before.Size != entry.Size || before.Mode != entry.Mode || hash is null || before.ContentHash != hash
            : before.LinkTarget != entry.LinkTarget);
        if (changedLocally)
        {
            return EntryChange.ChangedLocally;
        }

        var expectedKind = entry.Kind == ManifestEntryKind.File ? RemoteEntryKind.File : RemoteEntryKind.Symlink;
        var unchangedRemotely = before.Observed is { } observed
            && now is not null
            && now.Kind == expectedKind
            && now.Observation == observed
            && (entry.Kind == ManifestEntryKind.File || now.LinkTarget == entry.LinkTarget);
        return unchangedRemotely ? EntryChange.Unchanged : EntryChange.ChangedRemotely;
    }

    // Extractors cannot put a file where a directory is or below a file, and GNU tar follows a
    // symbolic link in a parent path (writing outside the workspace), so whatever the listing shows
    // in those places goes first. A link or special file at the upload's own path goes too, and so
    // does a file where a link goes: not every extractor replaces those in place.
    private static List<string> ClearPaths(List<ManifestEntry> upload, Dictionary<string, RemoteEntry> listed, List<string> delete)
    {
        var deleted = new HashSet<string>(delete, StringComparer.Ordinal);
        var clear = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in upload)
        {
            if (listed.TryGetValue(entry.Path, out var existing)
                && (existing.Kind != RemoteEntryKind.File || entry.Kind == ManifestEntryKind.Symlink))
            {
                clear.Add(entry.Path);
            }

            for (var slash = entry.Path.IndexOf('/'); slash >= 0; slash = entry.Path.IndexOf('/', slash + 1))
            {
                var parent = entry.Path[..slash];
                if (listed.TryGetValue(parent, out var blocking) && blocking.Kind != RemoteEntryKind.Directory)
                {
                    clear.Add(parent);
                    break;
                }
            }
        }

        clear.ExceptWith(deleted);
        return [.. clear.Order(StringComparer.Ordinal)];
    }

    private static List<string> EmptiedDirectories(List<string> delete, string[] manifestPaths)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in delete)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                var directory = path[..slash];
                if (!directories.Add(directory) || IsNeeded(directory, manifestPaths))
                {
                    // Its own parents were (or will be) looked at already, or are needed as well.
                    break;
                }
            }
        }

        directories.RemoveWhere(directory => IsNeeded(directory, manifestPaths));
        return [.. directories
            .OrderByDescending(directory => directory.Count(c => c == '/'))
            .ThenBy(directory => directory, StringComparer.Ordinal)];
    }

    // A directory is needed when it is a manifest path or holds one; manifestPaths is sorted ordinally,
    // so the first path at or after "<dir>/" tells.
    private static bool IsNeeded(string directory, string[] manifestPaths)
    {
        if (Array.BinarySearch(manifestPaths, directory, StringComparer.Ordinal) >= 0)
        {
            return true;
        }

        var prefix = directory + "/";
        var index = Array.BinarySearch(manifestPaths, prefix, StringComparer.Ordinal);
        index = index < 0 ? ~index : index;
        return index < manifestPaths.Length && manifestPaths[index].StartsWith(prefix, StringComparison.Ordinal);
    }

    private static long ContentBytes(IEnumerable<ManifestEntry> entries) =>
        entries.Where(entry => entry.Kind == ManifestEntryKind.File).Sum(entry => entry.Size);
}
