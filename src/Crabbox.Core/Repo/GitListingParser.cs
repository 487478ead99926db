namespace Crabbox.Core.Repo;

/// <summary>Parses the NUL-separated output of the git commands the manifest builder runs.</summary>
internal static class GitListingParser
{
    /// <summary>
    /// Reads <c>git ls-files -z --stage</c> records (<c>mode object stage\tpath</c>), one entry per
    /// path: the stages of an unmerged path are adjacent and collapse into one.
    /// </summary>
    public static List<GitIndexEntry> ParseStage(string output)
    {
        var entries = new List<GitIndexEntry>(CountRecords(output));
        var last = ReadOnlySpan<char>.Empty;
        foreach (var range in output.AsSpan().Split('\0'))
        {
            var record = output.AsSpan(range);
            var tab = record.IndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var path = record[(tab + 1)..];
            if (path.IsEmpty || path.SequenceEqual(last))
            {
                continue;
            }

            last = path;
            var space = record.IndexOf(' ');
            entries.Add(new GitIndexEntry(path.ToString(), ParseOctal(space < 0 ? record[..tab] : record[..space])));
        }

        return entries;
    }

    /// <summary>Reads plain NUL-separated paths (<c>git ls-files -z --others</c>).</summary>
    public static List<string> ParsePaths(string output)
    {
        var paths = new List<string>(CountRecords(output));
        foreach (var range in output.AsSpan().Split('\0'))
        {
            if (range.End.Value > range.Start.Value)
            {
                paths.Add(output[range]);
            }
        }

        return paths;
    }

    /// <summary>
    /// Reads <c>git ls-files -z -t --deleted --modified</c>: <c>R path</c> for deleted and
    /// <c>C path</c> for modified (a deleted path is listed as both).
    /// </summary>
    public static void ParseDeletedAndModified(string output, GitDirtyState state)
    {
        foreach (var range in output.AsSpan().Split('\0'))
        {
            var record = output.AsSpan(range);
            if (record.Length < 3 || record[1] != ' ')
            {
                continue;
            }

            var set = record[0] switch
            {
                'R' => state.WorktreeDeleted,
                'C' => state.WorktreeModified,
                _ => null,
            };
            set?.Add(record[2..].ToString());
        }
    }

    /// <summary>Reads <c>git diff --cached --name-status -z --no-renames</c>: <c>status\0path\0</c> pairs.</summary>
    public static void ParseStagedChanges(string output, GitDirtyState state)
    {
        var fields = output.Split('\0');
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var status = fields[i];
            var path = fields[i + 1];
            if (status.StartsWith('D'))
            {
                state.StagedDeleted.Add(path);
            }
            else if (status.Length > 0)
            {
                state.StagedChanged.Add(path);
            }
        }
    }

    private static int CountRecords(string output) => output.AsSpan().Count('\0');

    private static int ParseOctal(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return 0;
            }

            value = (value * 8) + (c - '0');
        }

        return value;
    }
}
