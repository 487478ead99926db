namespace Crabbox.Core.Repo;

/// <summary>The outcome of evaluating every exclude rule against one file.</summary>
/// <param name="Excluded">Whether the file is left out.</param>
/// <param name="RuleIndex">The deciding (last matching, effective) rule, or -1 when none matched.</param>
/// <param name="ProtectedByIndex">
/// The ambiguous built-in that would have excluded this tracked regular file, or -1.
/// </param>
internal readonly record struct ExcludeDecision(bool Excluded, int RuleIndex, int ProtectedByIndex);
