using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>Chooses the launcher for the requested isolation, and the warning to show when it is the host.</summary>
internal static class IsolationResolver
{
    /// <summary>Resolves against <paramref name="searchPath"/> (the PATH value to look for <c>bwrap</c> in).</summary>
    public static (ICommandLauncher Launcher, string? Warning) Resolve(SandboxIsolation requested, StateLayout layout, string searchPath)
    {
        if (requested == SandboxIsolation.Host)
        {
            return (new HostLauncher(),
                "warning: islo emulator isolation is 'host': sandbox commands run directly on this machine as your user and can read and write any of your files");
        }

        if (FindOnPath("bwrap", searchPath) is { } bwrap)
        {
            return (new BubblewrapLauncher(bwrap, layout), null);
        }

        if (requested == SandboxIsolation.Bubblewrap)
        {
            throw new InvalidOperationException(
                "islo emulator isolation 'bubblewrap' needs bwrap on PATH; install bubblewrap (apt-get install bubblewrap) or choose host isolation");
        }

        return (new HostLauncher(),
            "warning: bubblewrap (bwrap) was not found on PATH, so islo emulator sandboxes are NOT isolated: commands run directly on this machine as your user and can read and write any of your files; install bubblewrap to isolate them");
    }

    private static string? FindOnPath(string program, string searchPath)
    {
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
