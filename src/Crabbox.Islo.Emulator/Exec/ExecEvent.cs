namespace Crabbox.Islo.Emulator.Exec;

/// <summary>One chunk of decoded output, or the exit code.</summary>
internal readonly record struct ExecEvent(ExecEventKind Kind, string Text, int ExitCode)
{
    public static ExecEvent Output(ExecEventKind kind, string text) => new(kind, text, 0);

    public static ExecEvent Exited(int exitCode) => new(ExecEventKind.Exit, string.Empty, exitCode);
}
