namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>Turns a <see cref="LaunchRequest"/> into a process start, for one isolation mode.</summary>
internal interface ICommandLauncher
{
    /// <summary><see cref="SandboxIsolation.Bubblewrap"/> or <see cref="SandboxIsolation.Host"/>.</summary>
    SandboxIsolation Isolation { get; }

    /// <summary>
    /// Maps an absolute sandbox path outside <c>/workspace</c>, <c>/tmp</c> and <c>/home/islo</c>
    /// to the host path a command would see there, or null when the sandbox cannot see it.
    /// </summary>
    string? MapSystemPath(string sandboxPath);

    /// <summary>Adjusts the command's environment for this mode (host mode maps HOME and TMPDIR).</summary>
    IReadOnlyDictionary<string, string> AdjustEnvironment(IReadOnlyDictionary<string, string> environment, SandboxPathResolver resolver, string workspace);

    /// <summary>The process to start; stdin, stdout and stderr are redirected by the caller.</summary>
    System.Diagnostics.ProcessStartInfo CreateStartInfo(LaunchRequest request);
}
