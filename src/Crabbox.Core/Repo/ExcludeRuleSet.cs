namespace Crabbox.Core.Repo;

/// <summary>
/// The ordered exclude rules of one sync: built-ins, then <c>sync.exclude</c>, then
/// <c>.crabboxignore</c>, then the protected runtime folders. Every rule is evaluated against each
/// file path and the last matching rule wins, so <c>!dist/keep.txt</c> after <c>dist</c>
/// re-includes that file.
/// </summary>
internal sealed class ExcludeRuleSet
{
    private readonly ExcludeRule[] _rules;
    private readonly ExcludePattern[] _patterns;

    private ExcludeRuleSet(List<ExcludeRule> rules, List<ExcludePattern> patterns)
    {
        _rules = [.. rules];
        _patterns = [.. patterns];
    }

    public IReadOnlyList<ExcludeRule> Rules => _rules;

    public static ExcludeRuleSet Create(IEnumerable<string> configExcludes, IEnumerable<string> crabboxIgnoreLines)
    {
        var rules = new List<ExcludeRule>();
        var patterns = new List<ExcludePattern>();
        void Add(string line, ExcludeRuleOrigin origin, bool ambiguous = false)
        {
            var pattern = ExcludePattern.Parse(line, ignoreCase: origin == ExcludeRuleOrigin.Protected);
            if (pattern is not null)
            {
                rules.Add(new ExcludeRule(line.Trim(), origin, ambiguous));
                patterns.Add(pattern);
            }
        }

        foreach (var line in BuiltInExcludes.Patterns)
        {
            Add(line, ExcludeRuleOrigin.BuiltIn, BuiltInExcludes.Ambiguous.Contains(line));
        }

        foreach (var line in configExcludes)
        {
            Add(line, ExcludeRuleOrigin.Config);
        }

        foreach (var line in crabboxIgnoreLines)
        {
            Add(line, ExcludeRuleOrigin.CrabboxIgnore);
        }

        foreach (var line in BuiltInExcludes.Protected)
        {
            Add(line, ExcludeRuleOrigin.Protected);
        }

        return new ExcludeRuleSet(rules, patterns);
    }

    /// <summary>
    /// Evaluates all rules against <paramref name="path"/>. Ambiguous built-ins are skipped for
    /// tracked regular files; when one of them would have had the last word the file stays and the
    /// decision names it as the protecting pattern.
    /// </summary>
    public ExcludeDecision Evaluate(string path, bool trackedRegularFile)
    {
        var excluded = false;
        var deciding = -1;
        var protectedBy = -1;
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (!_patterns[i].IsMatch(path))
            {
                continue;
            }

            if (trackedRegularFile && _rules[i].Ambiguous)
            {
                if (!excluded)
                {
                    protectedBy = i;
                }

                continue;
            }

            excluded = !_patterns[i].Negated;
            deciding = i;
            protectedBy = -1;
        }

        return new ExcludeDecision(excluded, deciding, excluded ? -1 : protectedBy);
    }
}
