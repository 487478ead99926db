using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>A validated command, ready to become a process in a sandbox.</summary>
internal sealed record LaunchRequest
{
    public required string SandboxName { get; init; }

    public required SandboxPaths Paths { get; init; }

    /// <summary>The argv as the client sent it (no shell).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The complete environment of the command (nothing is inherited from the emulator).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The working directory as a sandbox path.</summary>
    public required string Workdir { get; init; }

    /// <summary>The working directory on the host.</summary>
    public required string HostWorkdir { get; init; }

    /// <summary>The host file the command's first word resolved to.</summary>
    public required string HostExecutable { get; init; }
}
