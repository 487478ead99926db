using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crabbox.Core.Leases;

/// <summary>Claim files: pretty JSON with 2-space indentation, RFC 3339 UTC timestamps, non-ASCII kept readable.</summary>
[JsonSerializable(typeof(LeaseClaim))]
internal sealed partial class ClaimJsonContext : JsonSerializerContext
{
    public static ClaimJsonContext Files { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new Rfc3339JsonConverter() },
    });
}
