using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary><c>{"ipv4":{"ip":"…"}}</c> in a <see cref="ServerDocument"/>.</summary>
internal sealed record ServerNetDocument
{
    [JsonPropertyName("ipv4")]
    public required ServerIpDocument Ipv4 { get; init; }

    public static ServerNetDocument For(string ip) => new() { Ipv4 = new ServerIpDocument { Ip = ip } };
}
