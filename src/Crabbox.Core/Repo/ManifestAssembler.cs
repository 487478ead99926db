namespace Crabbox.Core.Repo;

/// <summary>
/// Turns Git's listings plus the exclude rules into a <see cref="SyncManifest"/>. Tracked and
/// untracked paths arrive separately so tracked files can be evaluated and lstat-ed while git is
/// still walking the tree for untracked ones.
/// </summary>
internal sealed class ManifestAssembler(string root, ExcludeRuleSet rules)
{
    private readonly HashSet<string> _gitlinks = new(StringComparer.Ordinal);
    private CandidateBatch? _tracked;
    private CandidateBatch? _untracked;

    /// <summary>Evaluates and lstats the index entries; submodule gitlinks are set aside.</summary>
    public void AddTracked(List<GitIndexEntry> entries)
    {
        var paths = new List<string>(entries.Count);
        var regular = new List<bool>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.IsGitlink)
            {
                _gitlinks.Add(entry.Path);
                continue;
            }

            paths.Add(entry.Path);
            regular.Add(entry.IsRegularFile);
        }

        _tracked = CandidateBatch.Evaluate(root, rules, [.. paths], [.. regular]);
    }

    /// <summary>Evaluates and lstats the untracked, not ignored paths.</summary>
    public void AddUntracked(List<string> paths)
    {
        _untracked = CandidateBatch.Evaluate(root, rules, [.. paths], new bool[paths.Count]);
    }

    public SyncManifest Complete(GitDirtyState dirty)
    {
        var tracked = _tracked ?? throw new InvalidOperationException("tracked entries were not added");
        var untracked = _untracked ?? throw new InvalidOperationException("untracked entries were not added");
        var files = new List<ManifestEntry>(tracked.Paths.Length + untracked.Paths.Length);
        var excludedByRule = new int[rules.Rules.Count];
        var excluded = 0;
        var protectedFiles = new List<ProtectedTrackedFile>();
        foreach (var batch in (ReadOnlySpan<CandidateBatch>)[tracked, untracked])
        {
            for (var i = 0; i < batch.Paths.Length; i++)
            {
                if (batch.Entries[i] is { } entry)
                {
                    files.Add(entry);
                    if (batch.ProtectedBy[i] >= 0)
                    {
                        protectedFiles.Add(new ProtectedTrackedFile(entry.Path, rules.Rules[batch.ProtectedBy[i]].Pattern));
                    }
                }
                else if (batch.ExcludedBy[i] >= 0 && !dirty.WorktreeDeleted.Contains(batch.Paths[i]))
                {
                    // A deleted tracked file is not a candidate, so it is not counted as excluded.
                    excluded++;
                    excludedByRule[batch.ExcludedBy[i]]++;
                }
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var changed = InScope(dirty.WorktreeModified.Concat(dirty.StagedChanged).Concat(dirty.StagedDeleted), files, tracked: true)
            .Union(InScope(untracked.Paths, files, tracked: false))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new SyncManifest
        {
            Root = root,
            Files = files,
            Bytes = files.Sum(file => file.Size),
            Deleted = InScope(dirty.WorktreeDeleted.Concat(dirty.StagedDeleted), files, tracked: true)
                .Where(path => FindEntry(files, path) is null)
                .ToArray(),
            Changed = changed,
            ChangedBytes = changed.Sum(path => FindEntry(files, path)?.Size ?? 0),
            Rules = rules.Rules,
            Exclusions = Summarize(excluded, excludedByRule),
            ProtectedTrackedFiles = [.. protectedFiles.OrderBy(file => file.Path, StringComparer.Ordinal)],
        };
    }

    // A path is in scope when it is an entry, or (gone from disk) when the rules would keep it;
    // deleted tracked files under an ambiguous built-in stay in scope like their live siblings.
    private string[] InScope(IEnumerable<string> paths, List<ManifestEntry> files, bool tracked)
    {
        var kept = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (FindEntry(files, path) is not null
                || (!_gitlinks.Contains(path) && RepoPaths.IsSafe(path) && !rules.Evaluate(path, tracked).Excluded))
            {
                kept.Add(path);
            }
        }

        return [.. kept];
    }

    private static ManifestEntry? FindEntry(List<ManifestEntry> sortedFiles, string path)
    {
        int low = 0, high = sortedFiles.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var order = string.CompareOrdinal(sortedFiles[mid].Path, path);
            if (order == 0)
            {
                return sortedFiles[mid];
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return null;
    }

    private ExclusionSummary Summarize(int excluded, int[] excludedByRule)
    {
        var counts = new List<ExcludedRuleCount>();
        for (var i = 0; i < excludedByRule.Length; i++)
        {
            if (excludedByRule[i] > 0)
            {
                counts.Add(new ExcludedRuleCount(rules.Rules[i], excludedByRule[i]));
            }
        }

        return new ExclusionSummary(excluded, counts);
    }
}
