using Crabbox.Islo.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary><c>POST /auth/token</c>: the API key for a session token.</summary>
internal sealed class AuthEndpoints(TokenStore tokens)
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/auth/token", new RequestDelegate(IssueTokenAsync));

    private async Task IssueTokenAsync(HttpContext context)
    {
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.TokenRequest, new TokenRequest());
        var token = tokens.Issue(request.AccessKey)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "the access key is not valid for this emulator");
        await context.WriteJsonAsync(
            StatusCodes.Status200OK,
            new TokenResponse { SessionToken = token, CookieMaxAge = (int)TokenStore.Lifetime.TotalSeconds },
            EmulatorJsonContext.Default.TokenResponse);
    }
}
