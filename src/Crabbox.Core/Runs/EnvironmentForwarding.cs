namespace Crabbox.Core.Runs;

/// <summary>
/// Chooses which local environment variables reach the remote command: names from
/// <c>env.allow</c> (default <c>CI</c>, <c>NODE_OPTIONS</c>) and <c>--allow-env</c>; a trailing
/// <c>*</c> matches a prefix. Wildcards never pick up credential-looking names (<c>*_API_KEY</c>,
/// <c>*_TOKEN</c>, <c>*_SECRET</c>, <c>*PASSWORD*</c>): those must be named exactly.
/// </summary>
public static class EnvironmentForwarding
{
    public static IReadOnlyDictionary<string, string> Select(EnvironmentVariables environment, IEnumerable<string> patterns)
    {
        var selected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rules = patterns.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        foreach (var (name, value) in environment)
        {
            if (value.Length > 0 && rules.Any(rule => Matches(rule, name)))
            {
                selected[name] = value;
            }
        }

        return selected;
    }

    private static bool Matches(string rule, string name)
    {
        if (!rule.EndsWith('*'))
        {
            return string.Equals(rule, name, StringComparison.Ordinal);
        }

        return name.StartsWith(rule[..^1], StringComparison.Ordinal) && !LooksLikeCredential(name);
    }

    private static bool LooksLikeCredential(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.EndsWith("_API_KEY", StringComparison.Ordinal)
            || upper.EndsWith("_TOKEN", StringComparison.Ordinal)
            || upper.EndsWith("_SECRET", StringComparison.Ordinal)
            || upper.Contains("PASSWORD", StringComparison.Ordinal);
    }
}
