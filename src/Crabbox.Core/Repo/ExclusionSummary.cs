namespace Crabbox.Core.Repo;

/// <summary>Listed files the exclude rules removed from the sync.</summary>
/// <param name="Files">Number of excluded files.</param>
/// <param name="Rules">Per deciding rule, in rule order; rules that excluded nothing are left out.</param>
public sealed record ExclusionSummary(int Files, IReadOnlyList<ExcludedRuleCount> Rules)
{
    public static ExclusionSummary None { get; } = new(0, []);
}
