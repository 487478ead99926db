namespace Crabbox.Islo.Emulator;

/// <summary>Settings for <see cref="IsloEmulatorHost.StartAsync"/>.</summary>
public sealed record IsloEmulatorOptions
{
    /// <summary>Folder holding sandboxes and snapshots; created if missing. Several hosts may share it.</summary>
    public required string StateDirectory { get; init; }

    /// <summary><c>host:port</c> to listen on; port 0 picks a free port. Only loopback hosts are accepted.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1:0";

    /// <summary>The access key <c>POST /auth/token</c> accepts; null generates a random <c>ak_emu_...</c> key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>How commands are isolated; see <see cref="SandboxIsolation"/>.</summary>
    public SandboxIsolation Isolation { get; init; } = SandboxIsolation.Auto;

    /// <summary>How long a new sandbox reports <c>starting</c> before <c>running</c>.</summary>
    public TimeSpan StartupDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How often an exec stream sends a <c>: keep-alive</c> comment while the command is quiet.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Failures to inject for client fallback tests.</summary>
    public EmulatorFaults Faults { get; init; } = new();

    /// <summary>Receives warnings and one line per request; null keeps the host silent.</summary>
    public TextWriter? Log { get; init; }
}
