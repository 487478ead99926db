namespace Crabbox.Core.Repo;

/// <summary>
/// A parsed exclude line in gitignore syntax. A pattern without a <c>/</c> (other than a trailing
/// one) matches any path component; a leading or inner <c>/</c> anchors it to the root, where it
/// matches the whole path or any leading directory. A trailing <c>/</c> restricts it to directories.
/// Matching a directory matches everything under it.
/// </summary>
internal sealed class ExcludePattern
{
    private readonly string _glob;
    private readonly bool _literal;
    private readonly bool _anchored;
    private readonly bool _directoryOnly;
    private readonly StringComparison _comparison;

    private ExcludePattern(string glob, bool negated, bool anchored, bool directoryOnly, bool ignoreCase)
    {
        _glob = glob;
        Negated = negated;
        _anchored = anchored;
        _directoryOnly = directoryOnly;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        // Case-insensitive rules are matched literally (only crabbox's own runtime folders use them).
        _literal = ignoreCase || !GlobMatcher.HasWildcards(glob);
    }

    /// <summary>A <c>!</c> rule: a match re-includes the path.</summary>
    public bool Negated { get; }

    /// <summary>Matches only directories (the rule ended with <c>/</c>).</summary>
    public bool DirectoryOnly => _directoryOnly;

    /// <summary>
    /// The component name when the rule is a plain, case-sensitive, unanchored name such as
    /// <c>node_modules</c>: it matches exactly the paths with a component equal to it.
    /// </summary>
    public string? LiteralComponent =>
        _literal && !_anchored && _comparison == StringComparison.Ordinal ? _glob : null;

    /// <summary>Parses one rule line; null for blank lines, <c>#</c> comments and rules with no pattern left.</summary>
    public static ExcludePattern? Parse(string line, bool ignoreCase = false)
    {
        var text = line.Trim();
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = false;
        if (text[0] == '!')
        {
            negated = true;
            text = text[1..];
        }
        else if (text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal))
        {
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        var anchored = text.StartsWith('/');
        text = text.TrimStart('/');
        anchored |= text.Contains('/', StringComparison.Ordinal);
        return text.Length == 0 ? null : new ExcludePattern(text, negated, anchored, directoryOnly, ignoreCase);
    }

    /// <summary>Whether the rule matches the file at <paramref name="path"/> (relative, <c>/</c>-separated).</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        return _anchored ? IsAnchoredMatch(path) : IsComponentMatch(path);
    }

    private bool IsComponentMatch(ReadOnlySpan<char> path)
    {
        var rest = path;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var component = slash < 0 ? rest : rest[..slash];
            // The last component is the file itself, never a directory.
            if ((slash >= 0 || !_directoryOnly) && IsGlobMatch(component))
            {
                return true;
            }

            if (slash < 0)
            {
                return false;
            }

            rest = rest[(slash + 1)..];
        }
    }

    private bool IsAnchoredMatch(ReadOnlySpan<char> path)
    {
        if (_literal)
        {
            var glob = _glob.AsSpan();
            if (!path.StartsWith(glob, _comparison))
            {
                return false;
            }

            return path.Length > glob.Length ? path[glob.Length] == '/' : !_directoryOnly;
        }

        for (var i = path.IndexOf('/'); i >= 0; i = NextSlash(path, i))
        {
            if (GlobMatcher.IsMatch(_glob, path[..i]))
            {
                return true;
            }
        }

        return !_directoryOnly && GlobMatcher.IsMatch(_glob, path);
    }

    private bool IsGlobMatch(ReadOnlySpan<char> component) =>
        _literal ? component.Equals(_glob, _comparison) : GlobMatcher.IsMatch(_glob, component);

    private static int NextSlash(ReadOnlySpan<char> path, int previous)
    {
        var next = path[(previous + 1)..].IndexOf('/');
        return next < 0 ? -1 : previous + 1 + next;
    }
}
