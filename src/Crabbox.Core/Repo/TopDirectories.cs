namespace Crabbox.Core.Repo;

/// <summary>Groupings of manifest entries by leading directory, for guardrail and plan reports.</summary>
internal static class TopDirectories
{
    /// <summary>
    /// File counts per first path component (<c>.</c> for files at the root), largest first then by
    /// name, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> ByCount(IEnumerable<ManifestEntry> files, int limit)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var key = Prefix(file.Path, 1);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return [.. counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>
    /// Byte totals per directory key made of the first two directory components (<c>.</c> for files
    /// at the root), largest first then by path, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, long>> ByBytes(IEnumerable<ManifestEntry> files, int limit)
    {
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var key = Prefix(file.Path, 2);
            bytes[key] = bytes.GetValueOrDefault(key) + file.Size;
        }

        return [.. bytes
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)];
    }

    // The first `depth` directory components of a file path; "." for a file at the root.
    private static string Prefix(string path, int depth)
    {
        var directoryEnd = path.LastIndexOf('/');
        if (directoryEnd < 0)
        {
            return ".";
        }

        var end = -1;
        for (var i = 0; i < depth; i++)
        {
            var next = path.IndexOf('/', end + 1);
            if (next < 0 || next > directoryEnd)
            {
                break;
            }

            end = next;
        }

        return path[..end];
    }
}
