using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The exec event stream was unusable: it ended without an <c>exit</c> event, carried an
/// <c>error</c> event instead, had an invalid exit code or an over-long line. Exits with
/// <see cref="ExitCodes.Failure"/>. Output relayed before the failure has already been written.
/// </summary>
internal sealed class IsloStreamException(string message) : CrabboxException(ExitCodes.Failure, message);
