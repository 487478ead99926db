using System.Net;
using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Islo rejected the credentials: a failed token exchange, or a 401/403 from an API call
/// (after one re-exchange). Exits with <see cref="ExitCodes.Auth"/>.
/// </summary>
internal sealed class IsloAuthException(HttpStatusCode? statusCode, string? code, string message)
    : IsloApiException(ExitCodes.Auth, statusCode, code, message, null);
