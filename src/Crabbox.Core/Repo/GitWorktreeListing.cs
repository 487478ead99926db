namespace Crabbox.Core.Repo;

/// <summary>What Git reports about a working tree, before crabbox's excludes.</summary>
internal sealed class GitWorktreeListing
{
    /// <summary>Index entries in index order, one per path (unmerged stages collapsed).</summary>
    public List<GitIndexEntry> Tracked { get; } = [];

    /// <summary>Untracked, not ignored paths (a nested repository shows as <c>dir/</c>).</summary>
    public List<string> Untracked { get; } = [];

    /// <summary>Tracked paths missing from the working tree.</summary>
    public HashSet<string> WorktreeDeleted { get; } = new(StringComparer.Ordinal);

    /// <summary>Tracked paths whose working-tree content or type differs from the index (deletions included).</summary>
    public HashSet<string> WorktreeModified { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths added, modified or retyped in the index relative to HEAD.</summary>
    public HashSet<string> StagedChanged { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths removed from the index relative to HEAD.</summary>
    public HashSet<string> StagedDeleted { get; } = new(StringComparer.Ordinal);
}
