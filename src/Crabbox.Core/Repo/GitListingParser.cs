namespace Crabbox.Core.Repo;

/// <summary>Parses the NUL-separated output of the two git commands the manifest builder runs.</summary>
internal static class GitListingParser
{
    /// <summary>
    /// Reads <c>git ls-files -z -t --stage --cached --others --deleted --modified --exclude-standard</c>:
    /// records are <c>T mode object stage\tpath</c> for index entries (tag H, S, M, R or C) and
    /// <c>? path</c> for untracked files.
    /// </summary>
    public static void ParseLsFiles(string output, GitWorktreeListing listing)
    {
        string? lastTracked = null;
        foreach (var range in output.AsSpan().Split('\0'))
        {
            var record = output.AsSpan(range);
            if (record.Length < 3 || record[1] != ' ')
            {
                continue;
            }

            var tag = record[0];
            if (tag == '?')
            {
                listing.Untracked.Add(record[2..].ToString());
                continue;
            }

            var tab = record.IndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var meta = record[2..tab];
            var space = meta.IndexOf(' ');
            var mode = ParseOctal(space < 0 ? meta : meta[..space]);
            var path = record[(tab + 1)..];
            switch (tag)
            {
                case 'R':
                    listing.WorktreeDeleted.Add(path.ToString());
                    break;
                case 'C':
                    listing.WorktreeModified.Add(path.ToString());
                    break;
                case 'K':
                    break;
                default:
                    // Unmerged paths appear once per stage, next to each other.
                    if (!path.SequenceEqual(lastTracked))
                    {
                        lastTracked = path.ToString();
                        listing.Tracked.Add(new GitIndexEntry(lastTracked, mode));
                    }

                    break;
            }
        }
    }

    /// <summary>Reads <c>git diff --cached --name-status -z --no-renames</c>: <c>status\0path\0</c> pairs.</summary>
    public static void ParseStagedChanges(string output, GitWorktreeListing listing)
    {
        var fields = output.Split('\0');
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var status = fields[i];
            var path = fields[i + 1];
            if (status.StartsWith('D'))
            {
                listing.StagedDeleted.Add(path);
            }
            else if (status.Length > 0)
            {
                listing.StagedChanged.Add(path);
            }
        }
    }

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
