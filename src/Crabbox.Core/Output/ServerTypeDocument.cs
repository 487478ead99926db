using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary><c>{"name":"…"}</c> in a <see cref="ServerDocument"/>.</summary>
internal sealed record ServerTypeDocument
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}
