using System.Buffers;

namespace Crabbox.Core.Output;

/// <summary>POSIX shell quoting for commands crabbox prints or sends to a remote shell.</summary>
public static class ShellQuote
{
    private static readonly SearchValues<char> s_safe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@=-");

    /// <summary>Always single-quotes: <c>it's</c> becomes <c>'it'\''s'</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Quotes only words with characters outside <c>[A-Za-z0-9_./:@=-]</c> (and empty words), for readable hints.</summary>
    public static string QuoteIfNeeded(string value) =>
        value.Length > 0 && !value.AsSpan().ContainsAnyExcept(s_safe) ? value : Quote(value);

    /// <summary>Joins words with spaces, quoting each only where needed.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(QuoteIfNeeded));
}
