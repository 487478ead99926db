using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Crabbox.Core.Repo;

/// <summary>
/// Runs the <c>git</c> CLI with a minimal, allow-listed environment (so a caller's
/// <c>GIT_INDEX_FILE</c> or pager settings cannot change what is listed) and collects its output.
/// </summary>
internal sealed class GitCommandRunner(EnvironmentVariables environment)
{
    // Resolved from the snapshot's PATH: Process.Start would search the crabbox process's own PATH.
    private readonly Lazy<string> _executable = new(() => FindOnPath(environment.Get("PATH")));

    private static readonly string[] s_allowedVariables =
    [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TEMP", "TMP",
        "XDG_CONFIG_HOME", "USERPROFILE", "HOMEDRIVE", "HOMEPATH", "SystemRoot", "GIT_DIR",
        "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    ];

    /// <exception cref="Win32Exception">git is not installed or not on PATH.</exception>
    public async Task<GitCommandResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(_executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        startInfo.Environment.Clear();
        foreach (var name in s_allowedVariables)
        {
            if (environment.Get(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new Win32Exception("git could not be started");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new GitCommandResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            throw;
        }
    }

    private static string FindOnPath(string? path)
    {
        if (path is null)
        {
            return "git";
        }

        var names = OperatingSystem.IsWindows() ? new[] { "git.exe", "git.cmd" } : ["git"];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new Win32Exception("git was not found on PATH");
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
