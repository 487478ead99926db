using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;

namespace Crabbox.Cli.Services;

/// <summary><c>crabbox sync-plan</c>: what a run would upload, without any provider.</summary>
internal sealed class SyncPlanService(
    CliEnvironment environment,
    ConfigurationService configurations,
    IRepositoryLocator repositories,
    ISyncManifestBuilder manifests)
{
    public async Task<int> PlanAsync(int limit, bool json, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            throw CrabboxException.Usage($"--limit must be positive, got {limit}");
        }

        var repo = repositories.Discover(environment.WorkingDirectory) ?? throw new CrabboxException(
            ExitCodes.Sync,
            $"{environment.WorkingDirectory} is not a Git repository: crabbox builds its sync manifest from Git; run 'git init' here to sync files");
        var configuration = configurations.Load([], repo.Root);
        var settings = SyncSettingsFactory.FromConfiguration(configuration);
        var manifest = await manifests.BuildAsync(repo, settings, cancellationToken);
        var report = SyncPlanReport.Create(manifest, settings, limit);
        if (json)
        {
            report.WriteJson(environment.Console.Out);
        }
        else
        {
            report.WriteText(environment.Console.Out);
        }

        return ExitCodes.Success;
    }
}
