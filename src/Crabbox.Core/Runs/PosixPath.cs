namespace Crabbox.Core.Runs;

/// <summary>Slash-separated remote paths, handled lexically (nothing is looked up on disk).</summary>
public static class PosixPath
{
    /// <summary>
    /// Lexical cleaning like Go's <c>path.Clean</c>: collapses separators and <c>.</c>, resolves
    /// <c>..</c> where it can (dropping it at the root of an absolute path, keeping it at the start
    /// of a relative one); an empty result is <c>.</c>.
    /// </summary>
    public static string Clean(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
