using System.CommandLine;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox providers</c>: which providers exist and what they can do.</summary>
internal sealed class ProvidersCommand : CrabboxCommand
{
    private readonly IConsole _console;
    private readonly ProviderRegistry _registry;

    public ProvidersCommand(IConsole console, ProviderRegistry registry)
        : base("providers", "List the available providers and their features", console)
    {
        _console = console;
        _registry = registry;
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        foreach (var provider in _registry.Providers)
        {
            var features = Enum.GetValues<ProviderFeatures>()
                .Where(feature => feature != ProviderFeatures.None && provider.Spec.Has(feature))
                .Select(FeatureName);
            await _console.Out.WriteLineAsync(
                $"{provider.Name,-8} {provider.Spec.Summary} (features: {string.Join(", ", features)})");
        }

        return 0;
    }

    private static string FeatureName(ProviderFeatures feature) => feature switch
    {
        ProviderFeatures.Ssh => "ssh",
        ProviderFeatures.ArchiveSync => "archive-sync",
        ProviderFeatures.RunArtifacts => "run-artifacts",
        ProviderFeatures.RunDownloads => "run-downloads",
        ProviderFeatures.RunProof => "run-proof",
        ProviderFeatures.PauseResume => "pause-resume",
        ProviderFeatures.RunSession => "run-session",
        ProviderFeatures.UrlBridge => "url-bridge",
        ProviderFeatures.FullResync => "full-resync",
        _ => feature.ToString().ToLowerInvariant(),
    };
}
