using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary>
/// One <c>list --json</c> entry in the Go crabbox's <c>Server</c> shape. <c>CloudID</c>,
/// <c>Provider</c> and <c>HostID</c> are capitalized because the Go struct has no JSON tags for them.
/// </summary>
internal sealed record ServerDocument
{
    [JsonPropertyName("CloudID")]
    public required string CloudId { get; init; }

    [JsonPropertyName("Provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("HostID")]
    public required string HostId { get; init; }

    [JsonPropertyName("id")]
    public required long Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Sorted by key like a Go map; null (not omitted) when there are none.</summary>
    [JsonPropertyName("labels")]
    public SortedDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("public_net")]
    public required ServerNetDocument PublicNet { get; init; }

    [JsonPropertyName("private_net")]
    public required ServerNetDocument PrivateNet { get; init; }

    [JsonPropertyName("server_type")]
    public required ServerTypeDocument ServerType { get; init; }
}
