using System.Net;
using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Islo answered 404 for a sandbox, exec or file. Exits with <see cref="ExitCodes.Identity"/>.
/// Delete and list-shares never throw it (404 is success / an empty list there).
/// </summary>
internal sealed class IsloNotFoundException(string? code, string message)
    : IsloApiException(ExitCodes.Identity, HttpStatusCode.NotFound, code, message, null);
