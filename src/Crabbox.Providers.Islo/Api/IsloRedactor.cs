using System.Text.RegularExpressions;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Scrubs secrets from text built out of server responses before it reaches an error message:
/// the API key, every session token this client obtained, and any <c>Bearer &lt;credential&gt;</c>
/// become <c>[redacted]</c>; the rest of the text is kept. Thread-safe.
/// </summary>
internal sealed partial class IsloRedactor
{
    public const string Marker = "[redacted]";

    // Session tokens rotate about hourly; a handful covers a 401 body echoing the previous one.
    private const int MaxRememberedSecrets = 8;

    private readonly Lock _gate = new();
    private readonly List<string> _secrets = [];

    public IsloRedactor(string? apiKey)
    {
        Add(apiKey);
    }

    /// <summary>Remembers another exact secret (e.g. a fresh session token).</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        lock (_gate)
        {
            if (_secrets.Contains(secret))
            {
                return;
            }

            // Index 0 is the API key and stays; the oldest token goes first.
            if (_secrets.Count >= MaxRememberedSecrets)
            {
                _secrets.RemoveAt(1);
            }

            _secrets.Add(secret);
        }
    }

    public string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        string[] secrets;
        lock (_gate)
        {
            secrets = [.. _secrets];
        }

        // Longest first, so a secret containing another is replaced whole.
        foreach (var secret in secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Marker, StringComparison.Ordinal);
        }

        return BearerCredential().Replace(text, Marker);
    }

    [GeneratedRegex(@"\bbearer\s+[^\s""',;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();
}
