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

    // Most rules are plain names (node_modules, .cache, ...): one dictionary lookup per path
    // component finds all of them, so only the remaining rules are matched one by one.
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byComponent;
    private readonly int[] _otherRules;

    private ExcludeRuleSet(List<ExcludeRule> rules, List<ExcludePattern> patterns)
    {
        _rules = [.. rules];
        _patterns = [.. patterns];
        var byComponent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var others = new List<int>();
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (_patterns[i].LiteralComponent is { } name)
            {
                (byComponent.TryGetValue(name, out var list) ? list : byComponent[name] = []).Add(i);
            }
            else
            {
                others.Add(i);
            }
        }

        _byComponent = byComponent
            .ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _otherRules = [.. others];
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
        Span<bool> matched = _patterns.Length <= 256 ? stackalloc bool[_patterns.Length] : new bool[_patterns.Length];
        if (!MarkMatches(path, matched))
        {
            return new ExcludeDecision(false, -1, -1);
        }

        var excluded = false;
        var deciding = -1;
        var protectedBy = -1;
        for (var i = 0; i < matched.Length; i++)
        {
            if (!matched[i])
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

    // Sets matched[i] for every rule matching path; returns whether any did.
    private bool MarkMatches(ReadOnlySpan<char> path, Span<bool> matched)
    {
        var any = false;
        var rest = path;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var component = slash < 0 ? rest : rest[..slash];
            if (_byComponent.TryGetValue(component, out var indexes))
            {
                foreach (var index in indexes)
                {
                    // The last component is the file itself, never a directory.
                    if (slash >= 0 || !_patterns[index].DirectoryOnly)
                    {
                        matched[index] = any = true;
                    }
                }
            }

            if (slash < 0)
            {
                break;
            }

            rest = rest[(slash + 1)..];
        }

        foreach (var index in _otherRules)
        {
            if (_patterns[index].IsMatch(path))
            {
                matched[index] = any = true;
            }
        }

        return any;
    }
}
