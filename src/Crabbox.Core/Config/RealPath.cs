namespace Crabbox.Core.Config;

/// <summary>Absolute paths with every symbolic link resolved, like POSIX <c>realpath</c> but tolerant of missing parts.</summary>
internal static class RealPath
{
    // The same hop limit as the reference's symlink-following config writes.
    private const int MaxLinkHops = 255;

    public static string Resolve(string path)
    {
        var hops = 0;
        return Resolve(System.IO.Path.GetFullPath(path), ref hops);
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="directory"/>, symlinks resolved on both.</summary>
    public static bool IsInside(string path, string directory)
    {
        var root = Resolve(directory);
        var prefix = System.IO.Path.EndsInDirectorySeparator(root) ? root : root + System.IO.Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        return Resolve(path).StartsWith(prefix, comparison);
    }

    private static string Resolve(string fullPath, ref int hops)
    {
        var trimmed = System.IO.Path.TrimEndingDirectorySeparator(fullPath);
        var parent = System.IO.Path.GetDirectoryName(trimmed);
        if (parent is null)
        {
            return trimmed;
        }

        var realParent = Resolve(parent, ref hops);
        var current = System.IO.Path.Combine(realParent, System.IO.Path.GetFileName(trimmed));
        var target = new FileInfo(current).LinkTarget;
        if (target is null)
        {
            return current;
        }

        if (++hops > MaxLinkHops)
        {
            throw new IOException($"too many levels of symbolic links: {fullPath}");
        }

        return Resolve(System.IO.Path.GetFullPath(target, realParent), ref hops);
    }
}
