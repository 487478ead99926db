using Crabbox.Cli.Hosting;
using Crabbox.Core.Config;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Services;

/// <summary>Loads the layered configuration for one invocation and prints its warnings.</summary>
internal sealed class ConfigurationService(CliEnvironment environment, ProviderRegistry registry)
{
    public LoadedConfiguration Load(IReadOnlyList<FlagValue> flags, string? repoRoot)
    {
        var keys = CoreConfigKeys.All
            .Concat(registry.Providers.SelectMany(provider => provider.ConfigKeys))
            .DistinctBy(key => key.Path, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var configuration = new ConfigLoader().Load(new ConfigLoadOptions
        {
            WorkingDirectory = environment.WorkingDirectory,
            RepoRoot = repoRoot,
            Environment = environment.Variables,
            Paths = environment.Paths,
            Keys = keys,
            Flags = flags,
        });
        foreach (var warning in configuration.Warnings)
        {
            environment.Console.Error.WriteLine("warning: " + warning);
        }

        return configuration;
    }
}
