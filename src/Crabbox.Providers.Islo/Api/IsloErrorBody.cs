using System.Text.Json;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// An Islo error body. Current responses carry <c>code</c>, <c>message</c>, <c>request_id</c>;
/// older ones <c>hint</c> and <c>details</c>; FastAPI validation errors <c>detail</c>; some
/// proxies <c>error</c>. All optional; shapes that vary are kept as raw JSON.
/// </summary>
internal sealed record IsloErrorBody
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }

    public string? Hint { get; init; }

    public JsonElement? Details { get; init; }

    public JsonElement? Detail { get; init; }

    public JsonElement? Error { get; init; }
}
