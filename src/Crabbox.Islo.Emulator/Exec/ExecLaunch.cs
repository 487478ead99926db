using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>The outcome of starting a command: a running <see cref="Session"/>, or the <see cref="Failure"/> that kept it from starting.</summary>
internal sealed record ExecLaunch(SandboxRecord Sandbox, string ExecId, ExecSession? Session, string? Failure);
