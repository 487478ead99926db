namespace Crabbox.Core.Repo;

/// <summary>
/// Listed paths with their exclude decisions and lstat results, computed in parallel: each slot
/// is written by exactly one worker, so no locking is needed.
/// </summary>
internal sealed class CandidateBatch
{
    private const int MaxWorkers = 4;

    private CandidateBatch(string[] paths, bool[] trackedRegular)
    {
        Paths = paths;
        TrackedRegular = trackedRegular;
        Entries = new ManifestEntry?[paths.Length];
        ExcludedBy = new int[paths.Length];
        ProtectedBy = new int[paths.Length];
    }

    public string[] Paths { get; }

    /// <summary>Whether the path is a regular file in Git's index (ambiguous built-ins spare it).</summary>
    public bool[] TrackedRegular { get; }

    /// <summary>The shipped entry, or null when excluded, unsafe, missing, a directory, or below a link or file.</summary>
    public ManifestEntry?[] Entries { get; }

    /// <summary>The deciding rule when excluded, else -1.</summary>
    public int[] ExcludedBy { get; }

    /// <summary>The ambiguous built-in that spared a kept tracked file, else -1.</summary>
    public int[] ProtectedBy { get; }

    public static CandidateBatch Evaluate(string root, ExcludeRuleSet rules, string[] paths, bool[] trackedRegular)
    {
        var batch = new CandidateBatch(paths, trackedRegular);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(MaxWorkers, Environment.ProcessorCount) };
        Parallel.For(0, paths.Length, options, batch.EvaluateOne(root, rules, new ParentDirectoryCheck(root)));
        return batch;
    }

    private Action<int> EvaluateOne(string root, ExcludeRuleSet rules, ParentDirectoryCheck parents) => i =>
    {
        var path = Paths[i];
        ExcludedBy[i] = -1;
        ProtectedBy[i] = -1;
        if (!RepoPaths.IsSafe(path))
        {
            return;
        }

        var decision = rules.Evaluate(path, TrackedRegular[i]);
        if (decision.Excluded)
        {
            ExcludedBy[i] = decision.RuleIndex;
            return;
        }

        ProtectedBy[i] = decision.ProtectedByIndex;
        Entries[i] = parents.ParentsAreDirectories(path) ? FileProbe.Probe(RepoPaths.ToFullPath(root, path), path) : null;
    };
}
