using System.Net;
using System.Net.Http.Headers;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Sends one <see cref="IsloRequest"/> over HTTP: builds each message fresh, applies the
/// response-header timeout, and follows redirects by hand. The handler must not follow
/// redirects itself (see <see cref="IsloHttpClients"/>). Redirects are followed only to the
/// request's own effective origin, so the bearer token never reaches another host; at most
/// <see cref="MaxRedirects"/> are followed.
/// </summary>
internal sealed class IsloHttpSender(HttpClient httpClient, TimeSpan responseHeaderTimeout, TimeProvider timeProvider)
{
    public const int MaxRedirects = 10;

    /// <summary>
    /// Returns the final response with its headers read (the caller disposes it). Throws
    /// <see cref="IsloRedirectException"/> for a refused redirect, <see cref="TimeoutException"/>
    /// when headers do not arrive in time, <see cref="HttpRequestException"/> for transport
    /// failures, and <see cref="OperationCanceledException"/> only when the caller cancels.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(IsloRequest request, string? bearerToken, CancellationToken cancellationToken)
    {
        var origin = IsloOrigin.Of(request.Uri);
        var method = request.Method;
        var uri = request.Uri;
        var body = request.Body;
        for (var redirects = 0; ; redirects++)
        {
            var response = await SendOnceAsync(method, uri, body, request.Accept, bearerToken, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            var targetOrigin = IsloOrigin.Of(target);
            if (!string.Equals(targetOrigin, origin, StringComparison.Ordinal))
            {
                throw new IsloRedirectException($"refusing islo redirect from {origin} to {targetOrigin}");
            }

            if (redirects >= MaxRedirects)
            {
                throw new IsloRedirectException($"islo redirect stopped after {MaxRedirects} redirects");
            }

            // As browsers and Go do: 301/302/303 turn a POST into a body-less GET; 307/308 resend it.
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && method != HttpMethod.Get && method != HttpMethod.Head)
            {
                method = HttpMethod.Get;
                body = null;
            }

            uri = target;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method,
        Uri uri,
        IsloRequestBody? body,
        string accept,
        string? bearerToken,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, uri);
        message.Headers.Accept.ParseAdd(accept);
        if (bearerToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var timeout = new IsloHeaderTimeout(responseHeaderTimeout, timeProvider);
        if (body is not null)
        {
            message.Content = body.CreateContent(timeout.Start);
        }

        if (body is null || !body.TimesOutAfterBody)
        {
            timeout.Start();
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.Fired && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(timeout.Describe(), ex);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
