namespace Crabbox.Core.Repo;

/// <summary>
/// gitignore-style wildcard matching of one pattern against a <c>/</c>-separated path:
/// <c>*</c> and <c>?</c> never match <c>/</c>, <c>[...]</c> classes (with <c>!</c>/<c>^</c> negation
/// and ranges), <c>\x</c> escapes, and <c>**</c> as a whole component spans directories.
/// </summary>
internal static class GlobMatcher
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var p = 0;
        var t = 0;
        var starPattern = -1;
        var starText = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    if (IsDoubleStarComponent(pattern, p))
                    {
                        if (MatchDoubleStar(pattern, p, text[t..]))
                        {
                            return true;
                        }
                    }
                    else
                    {
                        while (p < pattern.Length && pattern[p] == '*')
                        {
                            p++;
                        }

                        starPattern = p;
                        starText = t;
                        continue;
                    }
                }
                else if (TryMatchOne(pattern, ref p, text[t]))
                {
                    t++;
                    continue;
                }
            }

            // Backtrack: let the last single star swallow one more character, never a '/'.
            if (starPattern >= 0 && starText < text.Length && text[starText] != '/')
            {
                starText++;
                t = starText;
                p = starPattern;
                continue;
            }

            return false;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            if (IsDoubleStarComponent(pattern, p))
            {
                return MatchDoubleStar(pattern, p, []);
            }

            p++;
        }

        return p == pattern.Length;
    }

    public static bool HasWildcards(ReadOnlySpan<char> pattern) => pattern.IndexOfAny("*?[\\") >= 0;

    // "**" counts as a directory wildcard only as a whole component: "**/x", "x/**", "x/**/y".
    private static bool IsDoubleStarComponent(ReadOnlySpan<char> pattern, int p) =>
        p + 1 < pattern.Length && pattern[p + 1] == '*'
        && (p == 0 || pattern[p - 1] == '/')
        && (p + 2 == pattern.Length || pattern[p + 2] == '/');

    private static bool MatchDoubleStar(ReadOnlySpan<char> pattern, int p, ReadOnlySpan<char> text)
    {
        if (p + 2 == pattern.Length)
        {
            return true;
        }

        // "**/rest": rest may start at the current position or after any later '/'.
        var rest = pattern[(p + 3)..];
        var offset = 0;
        while (true)
        {
            if (IsMatch(rest, text[offset..]))
            {
                return true;
            }

            var slash = text[offset..].IndexOf('/');
            if (slash < 0)
            {
                return false;
            }

            offset += slash + 1;
        }
    }

    private static bool TryMatchOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        switch (pattern[p])
        {
            case '?':
                p++;
                return c != '/';
            case '[':
                var end = FindClassEnd(pattern, p);
                if (end < 0)
                {
                    p++;
                    return c == '[';
                }

                var matched = c != '/' && MatchClass(pattern[(p + 1)..end], c);
                p = end + 1;
                return matched;
            case '\\' when p + 1 < pattern.Length:
                p += 2;
                return pattern[p - 1] == c;
            default:
                p++;
                return pattern[p - 1] == c;
        }
    }

    private static int FindClassEnd(ReadOnlySpan<char> pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    // body is the class without its brackets; a leading ']' (after any negation) is literal.
    private static bool MatchClass(ReadOnlySpan<char> body, char c)
    {
        var negated = body.Length > 0 && body[0] is '!' or '^';
        var i = negated ? 1 : 0;
        var matched = false;
        while (i < body.Length)
        {
            var low = body[i];
            if (low == '\\' && i + 1 < body.Length)
            {
                low = body[++i];
            }

            i++;
            var high = low;
            if (i + 1 < body.Length && body[i] == '-')
            {
                high = body[i + 1];
                i += 2;
                if (high == '\\' && i < body.Length)
                {
                    high = body[i++];
                }
            }

            matched |= c >= low && c <= high;
        }

        return matched != negated;
    }
}
