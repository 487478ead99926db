namespace Crabbox.Core.Repo;

/// <summary>What a manifest entry is on disk. Directories are never entries.</summary>
public enum ManifestEntryKind
{
    File,
    Symlink,
}
