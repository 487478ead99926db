using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary>One element of <c>pond peers --json</c>: a published URL and the sandbox it belongs to.</summary>
internal sealed record PeerDocument
{
    [JsonPropertyName("leaseId")]
    public required string LeaseId { get; init; }

    [JsonPropertyName("slug")]
    public required string Slug { get; init; }

    [JsonPropertyName("sandbox")]
    public required string Sandbox { get; init; }

    [JsonPropertyName("port")]
    public required int Port { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>null when the provider has no id for the URL.</summary>
    [JsonPropertyName("shareId")]
    public string? ShareId { get; init; }

    /// <summary>RFC 3339; null when the URL does not expire or the provider did not say.</summary>
    [JsonPropertyName("expiresAt")]
    public string? ExpiresAt { get; init; }
}
