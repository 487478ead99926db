using System.Net.Http.Headers;
using System.Text;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>What the client put on the wire for one HTTP message.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    AuthenticationHeaderValue? Authorization,
    string Accept,
    string? ContentType,
    long? ContentLength,
    byte[] Body)
{
    public string PathAndQuery => Uri.PathAndQuery;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Bearer => Authorization?.Scheme == "Bearer" ? Authorization.Parameter : null;

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request)
    {
        var contentType = request.Content?.Headers.ContentType?.ToString();
        var contentLength = request.Content?.Headers.ContentLength;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        return new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization,
            request.Headers.Accept.ToString(),
            contentType,
            contentLength,
            body);
    }
}
