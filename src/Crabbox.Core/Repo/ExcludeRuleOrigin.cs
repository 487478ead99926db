namespace Crabbox.Core.Repo;

/// <summary>Where an exclude rule came from.</summary>
public enum ExcludeRuleOrigin
{
    /// <summary>crabbox's default artifact and cache excludes (<c>built-in</c>).</summary>
    BuiltIn,

    /// <summary>The <c>sync.exclude</c> configuration key (<c>config</c>).</summary>
    Config,

    /// <summary>A line of <c>&lt;root&gt;/.crabboxignore</c> (<c>.crabboxignore</c>).</summary>
    CrabboxIgnore,

    /// <summary>crabbox's runtime folders, evaluated last so nothing re-includes them (<c>protected</c>).</summary>
    Protected,
}
