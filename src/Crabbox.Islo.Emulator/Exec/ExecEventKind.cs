namespace Crabbox.Islo.Emulator.Exec;

internal enum ExecEventKind
{
    Stdout,
    Stderr,
    Exit,
}
