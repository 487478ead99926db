namespace Crabbox.Core.Repo;

/// <summary>One path the sync ships.</summary>
/// <param name="Path">Repository-relative path with <c>/</c> separators.</param>
/// <param name="Kind">A regular file or a symbolic link (links are never followed).</param>
/// <param name="Size">The lstat size: content length for files, target length for links.</param>
/// <param name="Mode">Unix permission bits: <c>0644</c> or <c>0755</c> for files, <c>0777</c> for links.</param>
/// <param name="LinkTarget">The link's target text, exactly as stored; null for files.</param>
public sealed record ManifestEntry(string Path, ManifestEntryKind Kind, long Size, int Mode, string? LinkTarget)
{
    public const int RegularMode = 0b110_100_100;
    public const int ExecutableMode = 0b111_101_101;
    public const int SymlinkMode = 0b111_111_111;
}
