using System.Threading.Channels;
using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>
/// Validates an exec request and starts the command in its sandbox. Invalid input fails with an
/// <see cref="ApiException"/> before anything runs; a command that cannot start (missing binary,
/// bad working directory) comes back as <see cref="ExecLaunch.Failure"/>.
/// <c>user</c> is accepted and ignored (commands run as the emulator's user), and
/// <c>timeout_secs</c> is accepted and not enforced, as the real API documents it as a client hint.
/// </summary>
internal sealed class ExecService(
    SandboxStore store,
    ICommandLauncher launcher,
    SandboxProcessTracker tracker,
    ProcessSpawner spawner,
    TimeProvider timeProvider)
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public async Task<ExecLaunch> LaunchAsync(string sandboxName, ExecRequest request, bool capture, ChannelWriter<ExecEvent>? events, CancellationToken cancellationToken)
    {
        Validate(request);
        using var sandboxLock = await store.LockAsync(sandboxName, cancellationToken);
        var sandbox = await store.GetRequiredAsync(sandboxName, cancellationToken);
        var status = sandbox.EffectiveStatus(timeProvider.GetUtcNow());
        if (status != SandboxStatus.Running)
        {
            throw ApiException.InvalidState($"sandbox {sandboxName} is {status}; exec needs a running sandbox");
        }

        var execId = Guid.NewGuid().ToString();
        var paths = store.Paths(sandboxName);
        var launch = Prepare(sandbox, paths, request, out var failure);
        if (launch is null)
        {
            return new ExecLaunch(sandbox, execId, null, failure);
        }

        System.Diagnostics.Process process;
        try
        {
            process = await spawner.StartAsync(launcher.CreateStartInfo(launch), cancellationToken);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            return new ExecLaunch(sandbox, execId, null, $"exec failed: {exception.Message}");
        }

        tracker.Add(sandboxName, process);
        var session = ExecSession.Start(execId, sandboxName, process, capture, events, () => tracker.Remove(sandboxName, process));
        return new ExecLaunch(sandbox, execId, session, null);
    }

    private LaunchRequest? Prepare(SandboxRecord sandbox, SandboxPaths paths, ExecRequest request, out string failure)
    {
        var resolver = new SandboxPathResolver(paths);
        var workdir = WorkdirFor(sandbox, request);
        var hostWorkdir = ResolveWorkdir(workdir, resolver, paths, out failure);
        if (hostWorkdir is null)
        {
            return null;
        }

        var environment = launcher.AdjustEnvironment(EnvironmentFor(sandbox, request), resolver, paths.Workspace);
        var program = request.Command![0];
        var executable = CommandResolver.Resolve(program, environment.GetValueOrDefault("PATH", string.Empty), workdir, resolver, launcher, out var reason);
        if (executable is null)
        {
            failure = $"exec failed: {program}: {reason}";
            return null;
        }

        return new LaunchRequest
        {
            SandboxName = sandbox.Name,
            Paths = paths,
            Command = request.Command,
            Environment = environment,
            Workdir = workdir,
            HostWorkdir = hostWorkdir,
            HostExecutable = executable,
        };
    }

    /// <summary>The working directory's host path; a missing one under the sandbox's own folders is created (as container runtimes do).</summary>
    private string? ResolveWorkdir(string workdir, SandboxPathResolver resolver, SandboxPaths paths, out string failure)
    {
        failure = string.Empty;
        string? host;
        try
        {
            host = resolver.Resolve(workdir, followFinalLink: true, launcher.MapSystemPath);
        }
        catch (ApiException exception)
        {
            failure = $"exec failed: workdir {workdir}: {exception.Message}";
            return null;
        }

        if (host is not null && !DirectoryTree.Exists(host) && host.StartsWith(paths.Directory + "/", StringComparison.Ordinal))
        {
            try
            {
                Directory.CreateDirectory(host);
            }
            catch (IOException)
            {
                // Reported below as a workdir that is not a directory.
            }
        }

        if (host is null || !Directory.Exists(host))
        {
            failure = $"exec failed: workdir {workdir} does not exist or is not a directory";
            return null;
        }

        return host;
    }

    private static string WorkdirFor(SandboxRecord sandbox, ExecRequest request)
    {
        var workdir = request.Workdir is { Length: > 0 } requested ? requested : sandbox.Workdir;
        if (string.IsNullOrEmpty(workdir))
        {
            return SandboxRoots.Workspace;
        }

        return workdir.StartsWith('/') ? workdir : $"{SandboxRoots.Workspace}/{workdir}";
    }

    private static Dictionary<string, string> EnvironmentFor(SandboxRecord sandbox, ExecRequest request)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = DefaultPath,
            ["HOME"] = SandboxRoots.Home,
            ["LANG"] = "C.UTF-8",
        };
        foreach (var (key, value) in sandbox.Env ?? [])
        {
            environment[key] = value;
        }

        foreach (var (key, value) in request.Env ?? [])
        {
            if (value is null)
            {
                environment.Remove(key);
            }
            else
            {
                environment[key] = value;
            }
        }

        return environment;
    }

    private static void Validate(ExecRequest request)
    {
        if (request.Command is not { Count: > 0 } command || string.IsNullOrEmpty(command[0]))
        {
            throw ApiException.Validation("command is required: a non-empty array of strings");
        }

        if (command.Any(static word => word is null || word.Contains('\0', StringComparison.Ordinal)))
        {
            throw ApiException.Validation("command words must be strings without NUL characters");
        }

        foreach (var (key, value) in request.Env ?? [])
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal) || (value?.Contains('\0', StringComparison.Ordinal) ?? false))
            {
                throw ApiException.Validation($"env name {key} is not a valid environment variable");
            }
        }

        if (request.Workdir?.Contains('\0', StringComparison.Ordinal) ?? false)
        {
            throw ApiException.Validation("workdir must not contain NUL characters");
        }

        if (request.TimeoutSecs < 0)
        {
            throw ApiException.Validation("timeout_secs must be zero or more");
        }
    }
}
