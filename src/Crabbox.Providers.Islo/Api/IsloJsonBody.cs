using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crabbox.Providers.Islo.Api;

/// <summary>A JSON body, serialized once and sent with a Content-Length as <c>application/json</c>.</summary>
internal sealed class IsloJsonBody(byte[] utf8Json) : IsloRequestBody
{
    private static readonly MediaTypeHeaderValue s_contentType = new("application/json");

    public override bool TimesOutAfterBody => false;

    public static IsloJsonBody Create<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public override HttpContent CreateContent(Action bodyWritten)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = s_contentType;
        return content;
    }
}
