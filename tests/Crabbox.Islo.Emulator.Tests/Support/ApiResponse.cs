using System.Net;
using System.Text.Json;

namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>A response's status, raw body and (when it is JSON) parsed root.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string String(string property) => Json.GetProperty(property).GetString()!;
}
