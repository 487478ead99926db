using System.Text;
using Crabbox.Core.Output;

namespace Crabbox.Testing;

/// <summary>An <see cref="IConsole"/> that captures everything written to it.</summary>
public sealed class FakeConsole : IConsole
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public FakeConsole()
    {
        Out = new StreamWriter(StandardOutput, s_utf8, leaveOpen: true) { AutoFlush = true };
        Error = new StreamWriter(StandardError, s_utf8, leaveOpen: true) { AutoFlush = true };
    }

    public MemoryStream StandardOutput { get; } = new();

    public MemoryStream StandardError { get; } = new();

    Stream IConsole.StandardOutput => StandardOutput;

    Stream IConsole.StandardError => StandardError;

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public string OutText => s_utf8.GetString(StandardOutput.ToArray());

    public string ErrorText => s_utf8.GetString(StandardError.ToArray());
}
