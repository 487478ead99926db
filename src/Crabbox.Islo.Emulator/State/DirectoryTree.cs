namespace Crabbox.Islo.Emulator.State;

/// <summary>
/// Whole-tree file operations that never follow symbolic links: a link is copied, measured or
/// deleted as a link, so a link a sandbox planted cannot point the host at files outside it.
/// </summary>
internal static class DirectoryTree
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> (created), keeping modes and links; returns the bytes copied.</summary>
    public static long Copy(string source, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destination);
        long bytes = 0;
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } linkTarget)
            {
                File.CreateSymbolicLink(target, linkTarget);
            }
            else if (entry is DirectoryInfo)
            {
                bytes += Copy(entry.FullName, target, cancellationToken);
                File.SetUnixFileMode(target, entry.UnixFileMode);
            }
            else if (entry is FileInfo file && IsRegularFile(file))
            {
                file.CopyTo(target, overwrite: true);
                bytes += file.Length;
            }
        }

        return bytes;
    }

    /// <summary>Total size of the regular files under <paramref name="path"/>.</summary>
    public static long Size(string path)
    {
        if (!Directory.Exists(path))
        {
            return 0;
        }

        long bytes = 0;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            bytes += entry switch
            {
                DirectoryInfo directory => Size(directory.FullName),
                FileInfo file => file.Length,
                _ => 0,
            };
        }

        return bytes;
    }

    /// <summary>Deletes a file, link or whole folder; folders a sandbox made read-only are made writable first.</summary>
    public static void Delete(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || (info.Exists && !info.Attributes.HasFlag(FileAttributes.Directory)))
        {
            File.Delete(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            MakeFoldersWritable(path);
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            MakeFoldersWritable(path);
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Whether <paramref name="path"/> exists as a file, folder or link (dangling links included).</summary>
    public static bool Exists(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || info.LinkTarget is not null || Directory.Exists(path);
    }

    /// <summary>Whether <paramref name="path"/> is a symbolic link (not followed).</summary>
    public static bool IsSymbolicLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static bool IsRegularFile(FileInfo file) =>
        !file.Attributes.HasFlag(FileAttributes.Device) && file.Exists;

    private static void MakeFoldersWritable(string path)
    {
        const UnixFileMode ownerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = new DirectoryInfo(path);
        if (directory.LinkTarget is not null || !directory.Exists)
        {
            return;
        }

        directory.UnixFileMode |= ownerAll;
        foreach (var child in directory.EnumerateDirectories())
        {
            MakeFoldersWritable(child.FullName);
        }
    }
}
