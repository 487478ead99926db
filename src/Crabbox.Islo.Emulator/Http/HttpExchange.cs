using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crabbox.Islo.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>Reading and writing the API's JSON on an <see cref="HttpContext"/>.</summary>
internal static class HttpExchange
{
    private const int MaxJsonBody = 1024 * 1024;
    private const string RequestIdKey = "islo.request_id";

    /// <summary>Reads a JSON body; an empty body (or <c>null</c>) gives <paramref name="empty"/>; bad JSON is a 400.</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo, T empty)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxJsonBody)
            {
                throw ApiException.InvalidRequest($"request body is larger than {MaxJsonBody} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return empty;
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo) ?? empty;
        }
        catch (JsonException exception)
        {
            throw ApiException.Validation($"invalid JSON body: {exception.Message}");
        }
    }

    public static async Task WriteJsonAsync<T>(this HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    public static Task WriteErrorAsync(this HttpContext context, int statusCode, string code, string message) =>
        context.WriteJsonAsync(
            statusCode,
            new ErrorResponse { Code = code, Message = message, RequestId = context.RequestId() },
            EmulatorJsonContext.Default.ErrorResponse);

    public static string Route(this HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;

    public static string? Query(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static int QueryInt(this HttpContext context, string name, int fallback, int minimum, int maximum)
    {
        if (context.Query(name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, out var value) || value < minimum || value > maximum)
        {
            throw ApiException.Validation($"query parameter {name} must be an integer from {minimum} to {maximum}");
        }

        return value;
    }

    public static string RequestId(this HttpContext context) => context.Items[RequestIdKey] as string ?? string.Empty;

    public static void SetRequestId(this HttpContext context, string requestId) => context.Items[RequestIdKey] = requestId;

    public static void NoContent(this HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;
}
