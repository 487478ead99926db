namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>lstat-level helpers over real directories for the delta sync tests.</summary>
internal static class Nodes
{
    /// <summary>The kind of <paramref name="fullPath"/>; <see cref="NodeKind.None"/> also when a looping link in its parents hides it.</summary>
    public static NodeKind Kind(string fullPath)
    {
        FileAttributes attributes;
        try
        {
            attributes = new FileInfo(fullPath).Attributes;
        }
        catch (IOException)
        {
            return NodeKind.None;
        }

        if ((int)attributes == -1)
        {
            return NodeKind.None;
        }

        if ((attributes & FileAttributes.ReparsePoint) != 0)
        {
            return NodeKind.Symlink;
        }

        return (attributes & FileAttributes.Directory) != 0 ? NodeKind.Directory : NodeKind.File;
    }

    /// <summary>
    /// The kind of <paramref name="relativePath"/> under <paramref name="root"/> as a path of that tree:
    /// <see cref="NodeKind.None"/> when a parent is not a real directory (a link or file there means the
    /// path does not exist in the tree, whatever resolving through the link would find).
    /// </summary>
    public static NodeKind KindAt(string root, string relativePath)
    {
        var current = root;
        foreach (var part in relativePath.Split('/')[..^1])
        {
            current = Path.Combine(current, part);
            if (Kind(current) != NodeKind.Directory)
            {
                return NodeKind.None;
            }
        }

        return Kind(Path.Combine(root, relativePath));
    }

    /// <summary>Every path under <paramref name="root"/> (relative, <c>/</c>-separated), not descending into links or the named directories.</summary>
    public static List<(string Path, NodeKind Kind)> Walk(string root, params string[] skipDirectories)
    {
        var found = new List<(string, NodeKind)>();
        void Visit(string directory, string prefix)
        {
            foreach (var child in Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                var relative = prefix + name;
                var kind = Kind(child);
                if (kind == NodeKind.Directory && prefix.Length == 0 && skipDirectories.Contains(name))
                {
                    continue;
                }

                found.Add((relative, kind));
                if (kind == NodeKind.Directory)
                {
                    Visit(child, relative + "/");
                }
            }
        }

        Visit(root, string.Empty);
        return found;
    }

    /// <summary>Makes room for a new file or link at <paramref name="relativePath"/>: parents become directories, whatever is there goes.</summary>
    public static void MakeRoom(string root, string relativePath)
    {
        var parts = relativePath.Split('/');
        var current = root;
        foreach (var part in parts[..^1])
        {
            current = Path.Combine(current, part);
            switch (Kind(current))
            {
                case NodeKind.File or NodeKind.Symlink:
                    File.Delete(current);
                    Directory.CreateDirectory(current);
                    break;
                case NodeKind.None:
                    Directory.CreateDirectory(current);
                    break;
            }
        }

        Remove(Path.Combine(root, relativePath));
    }

    public static void Remove(string fullPath)
    {
        switch (Kind(fullPath))
        {
            case NodeKind.Directory:
                Directory.Delete(fullPath, recursive: true);
                break;
            case NodeKind.File or NodeKind.Symlink:
                File.Delete(fullPath);
                break;
        }
    }

    /// <summary>True when every parent of <paramref name="relativePath"/> is a real directory or absent.</summary>
    public static bool ParentsAreDirectoriesOrAbsent(string root, string relativePath)
    {
        var current = root;
        foreach (var part in relativePath.Split('/')[..^1])
        {
            current = Path.Combine(current, part);
            var kind = Kind(current);
            if (kind == NodeKind.None)
            {
                return true;
            }

            if (kind != NodeKind.Directory)
            {
                return false;
            }
        }

        return true;
    }
}
