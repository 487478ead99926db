using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>The API key and the session tokens this host issued (in memory only; a new host issues new ones).</summary>
internal sealed class TokenStore(string apiKey, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);

    /// <summary>A new session token when <paramref name="accessKey"/> is the API key; null otherwise.</summary>
    public string? Issue(string? accessKey)
    {
        if (accessKey is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(accessKey), _apiKey))
        {
            return null;
        }

        var token = $"emu_st_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
        _tokens[token] = timeProvider.GetUtcNow() + Lifetime;
        return token;
    }

    public bool IsValid(string token) =>
        _tokens.TryGetValue(token, out var expires) && timeProvider.GetUtcNow() < expires;
}
