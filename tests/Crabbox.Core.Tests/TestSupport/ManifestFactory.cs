using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.TestSupport;

/// <summary>In-memory manifests for tests of code that only reads them.</summary>
public static class ManifestFactory
{
    /// <summary>A manifest of regular files with the given paths and sizes.</summary>
    public static SyncManifest Create(
        IEnumerable<(string Path, long Size)> files,
        IReadOnlyList<string>? changed = null,
        IReadOnlyList<string>? deleted = null,
        IReadOnlyList<ProtectedTrackedFile>? protectedFiles = null,
        ExclusionSummary? exclusions = null)
    {
        var entries = files
            .Select(file => new ManifestEntry(file.Path, ManifestEntryKind.File, file.Size, ManifestEntry.RegularMode, null))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ToList();
        changed ??= [];
        return new SyncManifest
        {
            Root = "/nonexistent/root",
            Files = entries,
            Bytes = entries.Sum(entry => entry.Size),
            Deleted = deleted ?? [],
            Changed = changed,
            ChangedBytes = entries.Where(entry => changed.Contains(entry.Path)).Sum(entry => entry.Size),
            Rules = [],
            Exclusions = exclusions ?? ExclusionSummary.None,
            ProtectedTrackedFiles = protectedFiles ?? [],
        };
    }
}
