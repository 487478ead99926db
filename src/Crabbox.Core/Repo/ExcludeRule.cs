namespace Crabbox.Core.Repo;

/// <summary>One exclude rule as written, with where it came from.</summary>
/// <param name="Pattern">The rule text (gitignore syntax, including a leading <c>!</c> for re-includes).</param>
/// <param name="Origin">The rule's source.</param>
/// <param name="Ambiguous">
/// A built-in that names common build output folders (<c>dist</c>, <c>target</c>, ...): it does not
/// exclude a Git-tracked regular file, which is kept and reported as protected instead.
/// </param>
public sealed record ExcludeRule(string Pattern, ExcludeRuleOrigin Origin, bool Ambiguous = false)
{
    /// <summary>The origin as reports print it: <c>built-in</c>, <c>config</c>, <c>.crabboxignore</c> or <c>protected</c>.</summary>
    public string OriginName => Origin switch
    {
        ExcludeRuleOrigin.BuiltIn => "built-in",
        ExcludeRuleOrigin.Config => "config",
        ExcludeRuleOrigin.CrabboxIgnore => ".crabboxignore",
        _ => "protected",
    };
}
