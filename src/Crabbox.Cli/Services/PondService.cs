using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Services;

/// <summary><c>crabbox pond peers</c>: the URL bridge across the sandboxes of one pond, for any provider that offers one.</summary>
internal sealed class PondService(CliEnvironment environment, ProviderSessionFactory sessions)
{
    /// <summary>
    /// Lists the provider's sandboxes in the pond (as <c>list --pond</c> does) and, per sandbox,
    /// publishes <see cref="PondPeersInvocation.SharePort"/> or lists the published URLs. Only the
    /// port range is checked here (exit 2, before any provider work); the TTL is the provider's to
    /// clamp. The first failing sandbox ends the command with its error and exit code.
    /// </summary>
    public async Task<int> PeersAsync(LeaseCommandOptions options, PondPeersInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var pond = RunService.NormalizePond(invocation.Pond) ?? throw CrabboxException.Usage("--pond is required");
        if (invocation.SharePort is { } requested && requested is < 1 or > 65535)
        {
            throw CrabboxException.Usage("--share-port must be between 1 and 65535");
        }

        await using var session = await sessions.OpenAsync(options, cancellationToken);
        if (!session.Provider.Spec.Has(ProviderFeatures.UrlBridge) || session.Backend is not IPeerBridgeBackend bridge)
        {
            throw CrabboxException.Usage($"provider={session.Provider.Name} does not support pond peers (it has no URL bridge)");
        }

        var leases = await session.Backend.ListAsync(new ListRequest { Pond = pond }, cancellationToken);
        var peers = new List<PeerView>();
        foreach (var (leaseId, slug, sandbox) in leases.Select(Member).OrderBy(m => m.Slug, StringComparer.Ordinal).ThenBy(m => m.LeaseId, StringComparer.Ordinal))
        {
            if (invocation.SharePort is { } port)
            {
                var target = await WithContextAsync(
                    $"publish peer {leaseId} port={port}",
                    () => bridge.PublishPeerAsync(new PeerPublishRequest { LeaseId = leaseId, Port = port, Ttl = invocation.ShareTtl }, cancellationToken));
                peers.Add(new PeerView(leaseId, slug, sandbox, target));
                continue;
            }

            var targets = await WithContextAsync($"list peer targets {leaseId}", () => bridge.ListPeerTargetsAsync(leaseId, cancellationToken));
            peers.AddRange(targets.Count == 0 ? [new PeerView(leaseId, slug, sandbox, null)] : targets.Select(t => new PeerView(leaseId, slug, sandbox, t)));
        }

        var output = environment.Console.Out;
        if (invocation.Json)
        {
            PeerListRenderer.WriteJson(output, peers);
        }
        else if (peers.Count == 0)
        {
            await output.WriteLineAsync($"no sandboxes in pond {pond}");
        }
        else
        {
            PeerListRenderer.WriteText(output, peers);
        }

        return ExitCodes.Success;
    }

    private static (string LeaseId, string Slug, string Sandbox) Member(LeaseView lease)
    {
        var leaseId = lease.Labels.GetValueOrDefault("lease");
        return (string.IsNullOrWhiteSpace(leaseId) ? lease.Name : leaseId, Slugs.Normalize(lease.Labels.GetValueOrDefault("slug")), lease.Name);
    }

    // Names the sandbox and the operation, keeping the provider's exit code (a bad lease id stays a usage error).
    private static async Task<T> WithContextAsync<T>(string context, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (CrabboxException error)
        {
            throw new CrabboxException(error.ExitCode, $"{context}: {error.Message}", error);
        }
    }
}
