using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary><c>{"ip":"…"}</c> in a <see cref="ServerNetDocument"/>.</summary>
internal sealed record ServerIpDocument
{
    [JsonPropertyName("ip")]
    public required string Ip { get; init; }
}
