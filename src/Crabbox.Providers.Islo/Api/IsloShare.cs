using System.Globalization;
using System.Text.Json.Serialization;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// A public HTTPS share of a sandbox port. Timestamps are kept as sent; the parsed views treat
/// unparseable text as "no time", while <see cref="ExpirySet"/> stays true for any non-blank
/// <c>expires_at</c> so a garbled expiry is never mistaken for "never expires".
/// </summary>
internal sealed record IsloShare
{
    public string? ShareId { get; init; }

    public string? Url { get; init; }

    public int Port { get; init; }

    public string? CreatedAt { get; init; }

    public string? ExpiresAt { get; init; }

    [JsonIgnore]
    public bool ExpirySet => !string.IsNullOrWhiteSpace(ExpiresAt);

    [JsonIgnore]
    public DateTimeOffset? CreatedAtTime => ParseTime(CreatedAt);

    /// <summary>The parsed expiry; null when absent or unparseable (check <see cref="ExpirySet"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset? ExpiresAtTime => ParseTime(ExpiresAt);

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;
}
