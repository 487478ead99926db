namespace Crabbox.Core.Repo;

/// <summary>lstat-level facts about one path, without following symbolic links.</summary>
internal static class FileProbe
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Linux and macOS errno values for "too many levels of symbolic links".
    private const int LinuxEloop = 40;
    private const int MacEloop = 62;

    /// <summary>
    /// A manifest entry for the file or symbolic link at <paramref name="fullPath"/>, or null when
    /// it is missing or a directory. The caller makes sure no parent is a link (see
    /// <see cref="ParentDirectoryCheck"/>); a path that still cannot be resolved because of a link loop
    /// (it changed while being listed) counts as missing.
    /// </summary>
    public static ManifestEntry? Probe(string fullPath, string relativePath)
    {
        var info = new FileInfo(fullPath);
        FileAttributes attributes;
        try
        {
            attributes = info.Attributes;
        }
        catch (IOException ex) when (IsLinkLoop(ex))
        {
            return null;
        }

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

    /// <summary>True when <paramref name="fullPath"/> is a directory itself, not a link to one; false when missing or looping.</summary>
    public static bool IsRealDirectory(string fullPath)
    {
        try
        {
            var attributes = new FileInfo(fullPath).Attributes;
            return (int)attributes != -1
                && (attributes & FileAttributes.ReparsePoint) == 0
                && (attributes & FileAttributes.Directory) != 0;
        }
        catch (IOException ex) when (IsLinkLoop(ex))
        {
            return false;
        }
    }

    private static bool IsLinkLoop(IOException ex) => ex.HResult == (OperatingSystem.IsMacOS() ? MacEloop : LinuxEloop);
}
