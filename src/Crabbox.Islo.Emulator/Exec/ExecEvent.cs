namespace Crabbox.Islo.Emulator.Exec;

/// <summary>
/// One chunk of output (valid UTF-8 in the first <see cref="Length"/> bytes of <see cref="Data"/>,
/// an <see cref="System.Buffers.ArrayPool{T}.Shared"/> array the reader returns once it is sent),
/// or the exit code.
/// </summary>
internal readonly record struct ExecEvent(ExecEventKind Kind, byte[]? Data, int Length, int ExitCode)
{
    public static ExecEvent Output(ExecEventKind kind, byte[] data, int length) => new(kind, data, length, 0);

    public static ExecEvent Exited(int exitCode) => new(ExecEventKind.Exit, null, 0, exitCode);
}
