using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>Small builders for manifests, records and listings in planner and builder tests.</summary>
internal static class DeltaTestData
{
    public const string Workspace = "/workspace/repo";

    public static ManifestEntry File(string path, long size = 10, bool executable = false) =>
        new(path, ManifestEntryKind.File, size, executable ? ManifestEntry.ExecutableMode : ManifestEntry.RegularMode, null);

    public static ManifestEntry Link(string path, string target) =>
        new(path, ManifestEntryKind.Symlink, System.Text.Encoding.UTF8.GetByteCount(target), ManifestEntry.SymlinkMode, target);

    public static SyncManifest Manifest(params ManifestEntry[] entries) => Manifest("/nonexistent/root", entries);

    public static SyncManifest Manifest(string root, IEnumerable<ManifestEntry> entries)
    {
        var sorted = entries.OrderBy(entry => entry.Path, StringComparer.Ordinal).ToList();
        return new SyncManifest
        {
            Root = root,
            Files = sorted,
            Bytes = sorted.Sum(entry => entry.Size),
            Deleted = [],
            Changed = [],
            ChangedBytes = 0,
            Rules = [],
            Exclusions = ExclusionSummary.None,
            ProtectedTrackedFiles = [],
        };
    }

    /// <summary>A fake content hash derived from a label, so tests can say "same" or "different" content.</summary>
    public static string Hash(string label) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label)));

    /// <summary>Hashes for every file of <paramref name="manifest"/>: the hash of "content:&lt;path&gt;".</summary>
    public static Dictionary<string, string> Hashes(SyncManifest manifest) =>
        manifest.Files.Where(entry => entry.Kind == ManifestEntryKind.File)
            .ToDictionary(entry => entry.Path, entry => Hash("content:" + entry.Path), StringComparer.Ordinal);

    /// <summary>The remote entry a clean sync of <paramref name="entry"/> leaves (mtime derived from the path).</summary>
    public static RemoteEntry Remote(ManifestEntry entry) => entry.Kind == ManifestEntryKind.File
        ? new RemoteEntry(entry.Path, RemoteEntryKind.File, entry.Mode, entry.Size, Mtime(entry.Path), null)
        : new RemoteEntry(entry.Path, RemoteEntryKind.Symlink, ManifestEntry.SymlinkMode, entry.Size, Mtime(entry.Path), entry.LinkTarget);

    public static RemoteEntry RemoteDirectory(string path) => new(path, RemoteEntryKind.Directory, 0b111_101_101, 4096, 1, null);

    public static RemoteEntry RemoteFile(string path, long size = 3) => new(path, RemoteEntryKind.File, ManifestEntry.RegularMode, size, 2, null);

    public static RemoteEntry RemoteLink(string path, string target) => new(path, RemoteEntryKind.Symlink, ManifestEntry.SymlinkMode, target.Length, 3, target);

    /// <summary>A listing: the given entries plus a directory entry for every parent they need.</summary>
    public static RemoteSnapshot Listing(IEnumerable<RemoteEntry> entries)
    {
        var list = entries.ToList();
        var directories = list
            .SelectMany(entry => Parents(entry.Path))
            .Distinct(StringComparer.Ordinal)
            .Where(path => list.All(entry => entry.Path != path))
            .Select(RemoteDirectory);
        return new RemoteSnapshot { Status = RemoteSnapshotStatus.Listed, Entries = [.. list, .. directories] };
    }

    /// <summary>The record and listing a clean sync of <paramref name="manifest"/> with <paramref name="hashes"/> leaves behind.</summary>
    public static (SyncRecord Record, RemoteSnapshot Listing) Synced(SyncManifest manifest, IReadOnlyDictionary<string, string> hashes)
    {
        var listing = Listing(manifest.Files.Select(Remote));
        var result = SyncRecordBuilder.Build(Workspace, manifest, hashes, listing);
        Assert.Empty(result.Unverified);
        return (result.Record, listing);
    }

    public static long Mtime(string path) => 1_700_000_000_000_000_000L + path.Aggregate(17L, (hash, c) => ((hash * 31) + c) % 1_000_000_007L);

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
