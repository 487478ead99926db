using System.Net;
using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// An Islo API call failed: an HTTP error status (<see cref="StatusCode"/> set) or a transport
/// failure (<see cref="StatusCode"/> null). The message is the one line users see, already
/// redacted, worded per endpoint by <see cref="IsloErrors.FromResponse"/>.
/// Subclasses carry the auth (3) and not-found (4) exit codes; everything else exits 1.
/// </summary>
internal class IsloApiException : CrabboxException
{
    public IsloApiException(HttpStatusCode? statusCode, string? code, string message)
        : this(ExitCodes.Failure, statusCode, code, message, null)
    {
    }

    public IsloApiException(HttpStatusCode? statusCode, string? code, string message, Exception? innerException)
        : this(ExitCodes.Failure, statusCode, code, message, innerException)
    {
    }

    protected IsloApiException(int exitCode, HttpStatusCode? statusCode, string? code, string message, Exception? innerException)
        : base(exitCode, message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>The HTTP status of the failed response; null for transport failures.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>code</c> of the Islo error body (e.g. <c>SANDBOX_NOT_FOUND</c>), when it had one.</summary>
    public string? Code { get; }
}
