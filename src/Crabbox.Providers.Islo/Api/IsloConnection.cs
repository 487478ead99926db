using System.Net;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Authenticated sends: every request carries <c>Authorization: Bearer &lt;session token&gt;</c>
/// (never the API key). A 401 drops the cached token, exchanges once more and resends the
/// request once with a freshly built body; a second 401 is returned to the caller.
/// </summary>
internal sealed class IsloConnection(IsloHttpSender sender, IsloSessionTokenProvider tokens)
{
    public async Task<HttpResponseMessage> SendAsync(IsloRequest request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await sender.SendAsync(request, token, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Islo can end a session before its max-age; only a rejection of a fresh token means the key is bad.
        response.Dispose();
        tokens.Invalidate(token);
        token = await tokens.GetTokenAsync(cancellationToken);
        return await sender.SendAsync(request, token, cancellationToken);
    }
}
