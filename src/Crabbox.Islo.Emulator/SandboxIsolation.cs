namespace Crabbox.Islo.Emulator;

/// <summary>How the emulator isolates the commands it runs.</summary>
public enum SandboxIsolation
{
    /// <summary>Bubblewrap when <c>bwrap</c> is on PATH, otherwise host processes (with a loud warning).</summary>
    Auto,

    /// <summary>Bubblewrap is required; starting the host fails when <c>bwrap</c> is missing.</summary>
    Bubblewrap,

    /// <summary>Commands run as plain host processes; only paths and environment are mapped.</summary>
    Host,
}
