namespace Crabbox.Core.Repo;

/// <summary>lstat-level facts about one path, without following symbolic links.</summary>
internal static class FileProbe
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// A manifest entry for the file or symbolic link at <paramref name="fullPath"/>, or null when
    /// it is missing or a directory.
    /// </summary>
    public static ManifestEntry? Probe(string fullPath, string relativePath)
    {
        var info = new FileInfo(fullPath);
        var attributes = info.Attributes;
        if ((int)attributes == -1)
        {
            return null;
        }

        if ((attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is { } target)
        {
            return new ManifestEntry(
                relativePath, ManifestEntryKind.Symlink, System.Text.Encoding.UTF8.GetByteCount(target), ManifestEntry.SymlinkMode, target);
        }

        if ((attributes & FileAttributes.Directory) != 0)
        {
            return null;
        }

        var mode = OperatingSystem.IsWindows() || (info.UnixFileMode & AnyExecute) == 0
            ? ManifestEntry.RegularMode
            : ManifestEntry.ExecutableMode;
        return new ManifestEntry(relativePath, ManifestEntryKind.File, info.Length, mode, null);
    }
}
