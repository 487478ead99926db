using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Core.Config;
using Crabbox.Core.Leases;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Services;

/// <summary>
/// <c>crabbox run</c>: validates the invocation (everything checkable locally fails before any
/// provider work), then hands a <see cref="RunRequest"/> to the provider and turns its result
/// into the exit code (the remote command's own code on a command failure).
/// </summary>
internal sealed class RunService(CliEnvironment environment, ProviderSessionFactory sessions)
{
    public async Task<int> RunAsync(RunInvocation invocation, CancellationToken cancellationToken)
    {
        var startedAt = environment.Time.GetUtcNow();
        var command = NormalizeCommand(invocation.Command);
        if (invocation.Slug is not null && invocation.Lease.LeaseId is not null)
        {
            throw CrabboxException.Usage("--slug only applies when creating a new lease; omit --id or use the existing slug");
        }

        if (invocation.FullResync && invocation.NoSync)
        {
            throw CrabboxException.Usage("--full-resync cannot be combined with --no-sync");
        }

        var slug = invocation.Slug is null ? null : Slugs.ValidateRequested(invocation.Slug);
        var downloads = invocation.Downloads.Select(ArtifactPaths.ParseDownload).ToList();
        var required = invocation.RequiredArtifacts.Select(path => ArtifactPaths.Validate("--require-artifact", path)).ToList();

        await using var session = await sessions.OpenAsync(invocation.Lease, cancellationToken);
        DelegatedRunOptionGuard.Validate(session.Provider.Spec, invocation.Usage);
        if (!invocation.NoSync && session.Repo is null)
        {
            throw new CrabboxException(
                ExitCodes.Sync,
                $"{environment.WorkingDirectory} is not a Git repository: crabbox builds its sync manifest from Git; "
                + "run 'git init' here to sync files, or pass --no-sync");
        }

        var runId = LeaseIds.NewRunId();
        var forwarded = new Dictionary<string, string>(EnvironmentForwarding.Select(
            environment.Variables,
            session.Configuration.GetList(CoreConfigKeys.EnvAllow).Concat(invocation.AllowEnv)))
        {
            ["CRABBOX_RUN_ID"] = runId,
        };
        var request = new RunRequest
        {
            Repo = session.Repo,
            RunId = runId,
            Id = invocation.Lease.LeaseId,
            Command = command,
            Shell = invocation.Shell,
            Keep = invocation.Keep,
            KeepOnFailure = invocation.KeepOnFailure,
            Reclaim = invocation.Reclaim,
            NoSync = invocation.NoSync,
            FullResync = invocation.FullResync,
            Slug = slug,
            Pond = NormalizePond(invocation.Pond ?? session.Configuration.GetString(CoreConfigKeys.Pond)),
            Label = string.IsNullOrWhiteSpace(invocation.Label) ? null : invocation.Label.Trim(),
            TimingJson = invocation.TimingJson,
            WaitTimeout = invocation.WaitTimeout,
            Downloads = downloads,
            RequiredArtifacts = required,
            Environment = forwarded,
            StartedAt = startedAt,
        };

        var result = await session.Backend.RunAsync(request, cancellationToken);
        if (invocation.Keep && result.Session is { Kept: true, Reused: false } kept)
        {
            // A kept sandbox keeps costing until someone stops it: say how, every time.
            await environment.Console.Error.WriteLineAsync(
                $"kept lease={kept.LeaseId} slug={kept.Slug ?? "-"}; stop it with: {kept.CleanupCommand}");
        }

        if (result.ExitCode != ExitCodes.Success)
        {
            throw new CrabboxException(result.ExitCode, result.Message ?? string.Empty);
        }

        return ExitCodes.Success;
    }

    internal static string? NormalizePond(string? pond)
    {
        if (string.IsNullOrWhiteSpace(pond))
        {
            return null;
        }

        var normalized = Slugs.Normalize(pond);
        return normalized.Length == 0 ? throw CrabboxException.Usage($"--pond \"{pond}\" must contain at least one letter or digit") : normalized;
    }

    private static List<string> NormalizeCommand(IReadOnlyList<string> command)
    {
        // `crabbox run -- -- cmd` passes a literal "--" through the parser; drop it once, as the reference does.
        var words = command.Count > 0 && command[0] == "--" ? command.Skip(1).ToList() : [.. command];
        if (words.Count == 0)
        {
            throw CrabboxException.Usage("usage: crabbox run [flags] -- <command...>");
        }

        return words;
    }
}
