using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// A redirect was refused: it pointed at another origin, or the chain was too long. The message
/// names origins only (<c>scheme://host:port</c>), never a path, query or fragment.
/// </summary>
internal sealed class IsloRedirectException(string message) : CrabboxException(ExitCodes.Failure, message);
