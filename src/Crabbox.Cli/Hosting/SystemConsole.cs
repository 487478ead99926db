using System.Text;
using Crabbox.Core.Output;

namespace Crabbox.Cli.Hosting;

/// <summary>The process's real stdout and stderr.</summary>
internal sealed class SystemConsole : IConsole
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public SystemConsole()
    {
        // Raw streams, not Console.Out: remote output must pass through byte for byte and unbuffered.
        StandardOutput = Console.OpenStandardOutput();
        StandardError = Console.OpenStandardError();
        Out = new StreamWriter(StandardOutput, s_utf8, bufferSize: 4096, leaveOpen: true) { AutoFlush = true };
        Error = new StreamWriter(StandardError, s_utf8, bufferSize: 1024, leaveOpen: true) { AutoFlush = true };
    }

    public Stream StandardOutput { get; }

    public Stream StandardError { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }
}
