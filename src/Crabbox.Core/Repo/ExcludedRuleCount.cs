namespace Crabbox.Core.Repo;

/// <summary>How many files one exclude rule decided to leave out.</summary>
public sealed record ExcludedRuleCount(ExcludeRule Rule, int Files);
