using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Maps Islo failures to typed exceptions in one place. HTTP errors are worded per endpoint
/// (<see cref="IsloErrorStyle"/>): <c>islo &lt;action&gt;: &lt;code&gt;: &lt;body snippet&gt;</c> for
/// SDK-style endpoints, <c>islo &lt;action&gt; &lt;code&gt; &lt;reason&gt;: &lt;body snippet&gt;</c> for raw
/// ones. 401/403 become <see cref="IsloAuthException"/>, 404 <see cref="IsloNotFoundException"/>,
/// anything else <see cref="IsloApiException"/>. Transport failures read
/// <c>islo &lt;action&gt;: &lt;message&gt;</c>. Every snippet is trimmed, folded onto one line, redacted
/// and cut to its limit.
/// </summary>
internal static partial class IsloErrors
{
    public const int SnippetLimit = 1024;

    /// <summary>Uploads and shares show more of the body, as the reference does.</summary>
    public const int LargeSnippetLimit = 4096;

    // Read past the shown limit so a secret straddling the cut is still recognized and redacted whole.
    private const int RedactionMargin = 8192;

    public static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string action,
        IsloErrorStyle style,
        IsloRedactor redactor,
        CancellationToken cancellationToken,
        int snippetLimit = SnippetLimit)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await ReadBodyAsync(response, snippetLimit, cancellationToken);
        throw FromResponse(response, action, style, body, redactor, snippetLimit);
    }

    /// <summary>Reads at most enough of the body for a snippet; a body cut short by the network is kept as read.</summary>
    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, int snippetLimit, CancellationToken cancellationToken)
    {
        var buffer = new byte[snippetLimit + RedactionMargin];
        var length = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status line already says what failed; a partial body is still worth showing.
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    public static IsloApiException FromResponse(
        HttpResponseMessage response,
        string action,
        IsloErrorStyle style,
        string body,
        IsloRedactor redactor,
        int snippetLimit)
    {
        var status = response.StatusCode;
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var snippet = Snippet(body, redactor, snippetLimit);
        var message = style switch
        {
            // The SDK's APIError prints "<code>: <body>", or only "<code>" when the body is empty.
            IsloErrorStyle.Sdk => $"islo {action}: {code}" + (snippet.Length > 0 ? ": " + snippet : ""),
            // Go's fmt.Errorf("islo <action> %s: %s", resp.Status, body) keeps the ": " even for an empty body.
            IsloErrorStyle.Raw => $"islo {action} {code}" + (string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase) + ": " + snippet,
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
        };
        var errorCode = ParseErrorBody(body)?.Code;
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new IsloAuthException(status, errorCode, message),
            HttpStatusCode.NotFound => new IsloNotFoundException(errorCode, message),
            _ => new IsloApiException(status, errorCode, message),
        };
    }

    /// <summary>The error body as JSON, or null when it is not an Islo-style object.</summary>
    public static IsloErrorBody? ParseErrorBody(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, IsloJsonContext.Default.IsloErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>islo &lt;action&gt;: &lt;message&gt;</c> for a failure before or while reading a response.</summary>
    public static IsloApiException Transport(string action, Exception exception, IsloRedactor redactor) =>
        new(null, null, $"islo {action}: {Describe(exception, redactor)}", exception);

    /// <summary>An exception's message on one line, with URL queries and fragments cut and secrets redacted.</summary>
    public static string Describe(Exception exception, IsloRedactor redactor)
    {
        var message = exception.Message;
        if (exception is HttpRequestException { InnerException: { } inner } && inner.Message.Length > 0
            && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += ": " + inner.Message;
        }

        return OneLine(redactor.Redact(UrlQuery().Replace(message, "$1")));
    }

    public static string Snippet(string text, IsloRedactor redactor, int limit)
    {
        var snippet = OneLine(redactor.Redact(text.Trim()));
        return snippet.Length <= limit ? snippet : snippet[..limit];
    }

    private static string OneLine(string text) => LineBreaks().Replace(text, " ").Trim();

    [GeneratedRegex(@"(https?://[^\s?#""'<>]*)[?#][^\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
