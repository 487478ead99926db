namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Finds the file a command's first word names, as the sandbox would see it, so a missing
/// binary is reported as a failure to start (an SSE <c>error</c> event) rather than as exit 1.
/// </summary>
internal static class CommandResolver
{
    /// <summary>The host path of the executable, or null with the reason.</summary>
    public static string? Resolve(string program, string path, string workdir, SandboxPathResolver resolver, ICommandLauncher launcher, out string reason)
    {
        reason = "command not found";
        if (program.Contains('/', StringComparison.Ordinal))
        {
            var absolute = program.StartsWith('/') ? program : $"{workdir.TrimEnd('/')}/{program}";
            return Check(absolute, resolver, launcher, ref reason);
        }

        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (directory.StartsWith('/') && Check($"{directory.TrimEnd('/')}/{program}", resolver, launcher, ref reason) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Check(string sandboxPath, SandboxPathResolver resolver, ICommandLauncher launcher, ref string reason)
    {
        string? host;
        try
        {
            host = resolver.Resolve(sandboxPath, followFinalLink: true, launcher.MapSystemPath);
        }
        catch (Http.ApiException)
        {
            return null;
        }

        if (host is null || !File.Exists(host))
        {
            return null;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((File.GetUnixFileMode(host) & anyExecute) == 0)
        {
            reason = "permission denied";
            return null;
        }

        return host;
    }
}
