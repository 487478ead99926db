namespace Crabbox.Core.Repo;

/// <summary>Checks on repository-relative, <c>/</c>-separated paths.</summary>
internal static class RepoPaths
{
    /// <summary>
    /// True for a clean relative path: not empty, not absolute, no empty, <c>.</c> or <c>..</c>
    /// components and no NUL or backslash (a backslash is a separator on Windows).
    /// </summary>
    public static bool IsSafe(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path[0] == '/' || path.ContainsAny('\0', '\\'))
        {
            return false;
        }

        foreach (var range in path.Split('/'))
        {
            var component = path[range];
            if (component.IsEmpty || component is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The absolute path of <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public static string ToFullPath(string root, string relativePath) =>
        Path.DirectorySeparatorChar == '/' ? root + "/" + relativePath : Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
