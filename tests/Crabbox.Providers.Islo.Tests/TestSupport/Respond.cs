using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Response factories: each call builds a fresh message, as retries dispose the old one.</summary>
internal static class Respond
{
    public static Func<HttpResponseMessage> Json(HttpStatusCode status, string json) => () => new HttpResponseMessage(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static Func<HttpResponseMessage> Json(string json) => Json(HttpStatusCode.OK, json);

    public static Func<HttpResponseMessage> Status(HttpStatusCode status) => () => new HttpResponseMessage(status)
    {
        Content = new ByteArrayContent([]),
    };

    public static Func<HttpResponseMessage> Text(HttpStatusCode status, string text, string mediaType = "text/plain") =>
        () => new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    public static Func<HttpResponseMessage> Redirect(HttpStatusCode status, string location) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    };

    public static Func<HttpResponseMessage> RetryAfter(HttpStatusCode status, TimeSpan delay) => () =>
    {
        var response = Status(status)();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(delay);
        return response;
    };

    public static Func<HttpResponseMessage> RetryAfter(HttpStatusCode status, DateTimeOffset date) => () =>
    {
        var response = Status(status)();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(date);
        return response;
    };

    public static Func<HttpResponseMessage> Throw(Exception exception) => () => new ThrowingResponse(exception);

    public static Func<HttpResponseMessage> Token(string token, int? maxAge = 3600) => Json(
        maxAge is { } seconds
            ? $$"""{"session_token":"{{token}}","cookie_max_age":{{seconds}},"cookie_path":"/"}"""
            : $$"""{"session_token":"{{token}}"}""");
}
