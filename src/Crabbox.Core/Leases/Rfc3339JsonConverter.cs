using System.Text.Json;
using System.Text.Json.Serialization;
using Crabbox.Core.Output;

namespace Crabbox.Core.Leases;

/// <summary>Claim timestamps: written as UTC whole seconds, read from any ISO 8601 / RFC 3339 form (the Go tool may write fractions).</summary>
internal sealed class Rfc3339JsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new JsonException("expected an RFC 3339 timestamp");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.Format(value));
}
