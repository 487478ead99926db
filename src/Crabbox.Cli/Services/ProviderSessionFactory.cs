using Crabbox.Cli.Hosting;
using Crabbox.Core.Leases;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;

namespace Crabbox.Cli.Services;

/// <summary>Discovers the repository, loads configuration and selects the provider for a lease command.</summary>
internal sealed class ProviderSessionFactory(
    CliEnvironment environment,
    ConfigurationService configurations,
    ProviderSelector selector,
    IRepositoryLocator repositories,
    IClaimStore claims)
{
    public async Task<ProviderSession> OpenAsync(LeaseCommandOptions options, CancellationToken cancellationToken)
    {
        var repo = repositories.Discover(environment.WorkingDirectory);
        var configuration = configurations.Load(options.Flags, repo?.Root);
        var provider = await selector.SelectAsync(configuration, options.LeaseId, cancellationToken);
        var context = new ProviderContext
        {
            Config = configuration,
            Console = environment.Console,
            Environment = environment.Variables,
            Paths = environment.Paths,
            Claims = claims,
            Time = environment.Time,
            WorkingDirectory = environment.WorkingDirectory,
        };
        return new ProviderSession(provider, configuration, repo, context);
    }
}
