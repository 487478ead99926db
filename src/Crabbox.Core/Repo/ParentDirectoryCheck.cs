using System.Collections.Concurrent;

namespace Crabbox.Core.Repo;

/// <summary>
/// Tells whether every parent of a repository-relative path is a real directory, as Git requires
/// before it looks at a path (its <c>has_symlink_leading_path</c>): a tracked file below a directory
/// that was replaced by a symbolic link or a file is gone from the working tree, and must never be
/// read through the link. Each directory is <c>lstat</c>-ed once; safe for concurrent callers.
/// </summary>
internal sealed class ParentDirectoryCheck(string root)
{
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="relativePath"/> has no parent, or every parent is a directory and no link.</summary>
    public bool ParentsAreDirectories(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 || IsRealDirectory(relativePath.AsSpan(0, slash));
    }

    private bool IsRealDirectory(ReadOnlySpan<char> directory)
    {
        var lookup = _directories.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(directory, out var known))
        {
            return known;
        }

        var slash = directory.LastIndexOf('/');
        var path = directory.ToString();
        var real = (slash < 0 || IsRealDirectory(directory[..slash])) && FileProbe.IsRealDirectory(RepoPaths.ToFullPath(root, path));
        _directories.TryAdd(path, real);
        return real;
    }
}
