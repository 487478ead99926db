using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>Response of <c>POST /auth/token</c>. <see cref="ToString"/> hides the token.</summary>
internal sealed record IsloTokenResponse
{
    public string? SessionToken { get; init; }

    /// <summary>Token lifetime in seconds; missing means 600.</summary>
    public int? CookieMaxAge { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("SessionToken = [redacted], CookieMaxAge = ").Append(CookieMaxAge);
        return true;
    }
}
