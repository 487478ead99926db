namespace Crabbox.Core;

/// <summary>
/// A failure that ends the command with a specific exit code and a one-line message.
/// The CLI prints <c>crabbox: &lt;message&gt;</c> to stderr and exits with <see cref="ExitCode"/>;
/// an empty message prints nothing (used when the remote command's own output already explains it).
/// </summary>
public class CrabboxException : Exception
{
    public CrabboxException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CrabboxException(int exitCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CrabboxException Usage(string message) => new(ExitCodes.Usage, message);
}
