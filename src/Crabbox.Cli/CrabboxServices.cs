using Crabbox.Cli.Commands;
using Crabbox.Cli.Hosting;
using Crabbox.Cli.Local;
using Crabbox.Cli.Services;
using Crabbox.Core.Leases;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Providers.Islo;
using Microsoft.Extensions.DependencyInjection;

namespace Crabbox.Cli;

/// <summary>The composition root: every service and command is registered here and nowhere else.</summary>
internal static class CrabboxServices
{
    /// <param name="environment">The console, environment and working directory this invocation runs against.</param>
    /// <param name="overrides">Test hook: replace registrations (fake providers, clocks) after the defaults.</param>
    public static ServiceProvider Build(CliEnvironment environment, Action<IServiceCollection>? overrides = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(environment.Console);
        services.AddSingleton(environment.Time);
        services.AddSingleton(_ => environment.Paths);
        services.AddSingleton<IClaimStore>(sp => new ClaimStore(environment.Paths, environment.Time));
        services.AddSingleton<IRepositoryLocator, GitRepositoryLocator>();
        services.AddSingleton<ISyncManifestBuilder>(_ => new GitSyncManifestBuilder(environment.Variables));
        services.AddSingleton<ISyncArchiveWriter, TarGzSyncArchiveWriter>();
        services.AddIsloProvider();
        services.AddSingleton<IProvider, LocalProvider>();
        services.AddSingleton<ProviderRegistry>();

        services.AddSingleton<ConfigurationService>();
        services.AddSingleton<ProviderSelector>();
        services.AddSingleton<ProviderSessionFactory>();
        services.AddSingleton<RunService>();
        services.AddSingleton<WarmupService>();
        services.AddSingleton<LeaseService>();
        services.AddSingleton<SyncPlanService>();
        services.AddSingleton<PondService>();
        services.AddSingleton<EmulatorService>();

        services.AddTransient<RunCommand>();
        services.AddTransient<WarmupCommand>();
        services.AddTransient<StatusCommand>();
        services.AddTransient<ListCommand>();
        services.AddTransient<StopCommand>();
        services.AddTransient<PauseCommand>();
        services.AddTransient<ResumeCommand>();
        services.AddTransient<SshCommand>();
        services.AddTransient<SyncPlanCommand>();
        services.AddTransient<PondPeersCommand>();
        services.AddTransient<PondCommand>();
        services.AddTransient<ProvidersCommand>();
        services.AddTransient<IsloEmulatorCommand>();
        services.AddTransient<CrabboxRootCommand>();
        services.AddTransient<CliApplication>();

        overrides?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
