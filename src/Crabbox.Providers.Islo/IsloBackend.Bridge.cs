using Crabbox.Core.Providers;

namespace Crabbox.Providers.Islo;

/// <summary>URL bridge: Islo shares for <c>crabbox pond peers</c>.</summary>
internal sealed partial class IsloBackend
{
    public Task<PeerTarget> PublishPeerAsync(PeerPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _bridge.PublishPeerAsync(request.LeaseId, request.Port, request.Ttl, cancellationToken);
    }

    public Task<IReadOnlyList<PeerTarget>> ListPeerTargetsAsync(string leaseId, CancellationToken cancellationToken) =>
        _bridge.ListPeerTargetsAsync(leaseId, cancellationToken);
}
