namespace Crabbox.Core.Repo;

/// <summary>How a working tree and its index differ from what was committed, as Git reports it.</summary>
internal sealed class GitDirtyState
{
    /// <summary>Tracked paths missing from the working tree.</summary>
    public HashSet<string> WorktreeDeleted { get; } = new(StringComparer.Ordinal);

    /// <summary>Tracked paths whose working-tree content or type differs from the index (deletions included).</summary>
    public HashSet<string> WorktreeModified { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths added, modified or retyped in the index relative to HEAD.</summary>
    public HashSet<string> StagedChanged { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths removed from the index relative to HEAD.</summary>
    public HashSet<string> StagedDeleted { get; } = new(StringComparer.Ordinal);
}
