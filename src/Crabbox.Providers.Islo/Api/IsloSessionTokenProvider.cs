using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Exchanges the API key for a session token (<c>POST {BaseUrl}/auth/token</c>) and caches it
/// until <c>now + max(cookie_max_age - 60 s, 0)</c> (a missing max-age counts as 600 s). One
/// exchange runs at a time; concurrent callers wait for it. The cache lives as long as the client.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim needs disposing only when its AvailableWaitHandle is used.")]
internal sealed class IsloSessionTokenProvider(
    IsloHttpSender sender,
    IsloClientOptions options,
    IsloRedactor redactor,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_defaultLifetime = TimeSpan.FromSeconds(600);

    private readonly SemaphoreSlim _exchangeGate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>A valid session token, exchanging the key when none is cached or it is about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Valid(Volatile.Read(ref _cached)) is { } token)
        {
            return token;
        }

        await _exchangeGate.WaitAsync(cancellationToken);
        try
        {
            if (Valid(_cached) is { } fresh)
            {
                return fresh;
            }

            var exchanged = await ExchangeAsync(cancellationToken);
            Volatile.Write(ref _cached, exchanged);
            return exchanged.Token;
        }
        finally
        {
            _exchangeGate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the server rejected it (unless already replaced).</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _cached);
        if (current is not null && current.Token == token)
        {
            Interlocked.CompareExchange(ref _cached, null, current);
        }
    }

    private string? Valid(CachedToken? cached) =>
        cached is not null && timeProvider.GetUtcNow() < cached.ExpiresAt ? cached.Token : null;

    private async Task<CachedToken> ExchangeAsync(CancellationToken cancellationToken)
    {
        var request = new IsloRequest(HttpMethod.Post, IsloRoutes.Combine(options.BaseUrl, IsloRoutes.AuthToken), "application/json")
        {
            Body = IsloJsonBody.Create(new IsloTokenRequest(options.ApiKey), IsloJsonContext.Default.IsloTokenRequest),
        };

        HttpResponseMessage response;
        try
        {
            response = await sender.SendAsync(request, bearerToken: null, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // Stays a transport error so idempotent calls retry it; the action wrapper adds "islo <action>: ".
            throw new HttpRequestException("token exchange: " + IsloErrors.Describe(ex, redactor), ex);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException("token exchange: " + ex.Message, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await IsloErrors.ReadBodyAsync(response, IsloErrors.SnippetLimit, cancellationToken);
                var snippet = IsloErrors.Snippet(body, redactor, IsloErrors.SnippetLimit);
                throw new IsloAuthException(
                    response.StatusCode,
                    IsloErrors.ParseErrorBody(body)?.Code,
                    $"islo: token exchange failed ({(int)response.StatusCode})" + (snippet.Length > 0 ? ": " + snippet : ""));
            }

            IsloTokenResponse? payload;
            try
            {
                payload = await response.Content.ReadFromJsonAsync(IsloJsonContext.Default.IsloTokenResponse, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new IsloAuthException(response.StatusCode, null, "islo: decode token response: " + IsloErrors.Describe(ex, redactor));
            }

            if (string.IsNullOrWhiteSpace(payload?.SessionToken))
            {
                throw new IsloAuthException(response.StatusCode, null, "islo: token exchange response missing session_token");
            }

            redactor.Add(payload.SessionToken);
            var lifetime = (payload.CookieMaxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : s_defaultLifetime) - s_refreshMargin;
            var expiresAt = timeProvider.GetUtcNow() + (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero);
            return new CachedToken(payload.SessionToken, expiresAt);
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);
}
