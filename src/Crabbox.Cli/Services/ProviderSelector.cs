using Crabbox.Core;
using Crabbox.Core.Config;
using Crabbox.Core.Leases;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Services;

/// <summary>
/// Picks the provider: <c>--provider</c>, else the provider recorded in the local claim of the
/// lease named by <c>--id</c>, else <c>CRABBOX_PROVIDER</c>, else repository config, else user config.
/// </summary>
internal sealed class ProviderSelector(ProviderRegistry registry, IClaimStore claims)
{
    public async Task<IProvider> SelectAsync(ICrabboxConfiguration configuration, string? leaseId, CancellationToken cancellationToken)
    {
        var source = configuration.SourceOf(CoreConfigKeys.Provider);
        if (source?.Kind != ConfigSourceKind.Flag && !string.IsNullOrWhiteSpace(leaseId))
        {
            // A lease remembers its provider, so `crabbox stop blue-crab` needs no --provider.
            var claim = await claims.FindAsync(leaseId, cancellationToken);
            if (registry.Find(claim?.Provider) is { } routed)
            {
                return routed;
            }
        }

        var name = configuration.GetString(CoreConfigKeys.Provider);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw CrabboxException.Usage(
                "no provider selected; use --provider <name>, set CRABBOX_PROVIDER, or set provider: in crabbox.yaml "
                + $"(providers: {string.Join(", ", registry.Names)}; --provider local runs on this machine)");
        }

        return registry.Find(name) ?? throw CrabboxException.Usage(
            $"unknown provider \"{name.Trim()}\" from {source}; known providers: {string.Join(", ", registry.Names)}");
    }
}
