using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Crabbox.Core.Runs;

namespace Crabbox.Core.Output;

/// <summary>
/// Compact one-line JSON documents (list, status, timing). Non-ASCII and HTML characters are
/// written as-is, like Go's encoder with HTML escaping off, so paths and names stay readable.
/// </summary>
[JsonSerializable(typeof(List<ServerDocument>))]
[JsonSerializable(typeof(List<PeerDocument>))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(TimingReportDocument))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    public static CoreJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="value"/> as one JSON line.</summary>
    public static void WriteLine<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonSerializer.Serialize(value, typeInfo));
        writer.Write('\n');
    }
}
