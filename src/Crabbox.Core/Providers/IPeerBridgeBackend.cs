namespace Crabbox.Core.Providers;

/// <summary>
/// Optional capability (advertised as <see cref="ProviderFeatures.UrlBridge"/>): reach a port of a
/// sandbox through a URL the provider publishes, so peers in a pond can dial each other without
/// knowing which provider hosts them.
/// </summary>
public interface IPeerBridgeBackend
{
    /// <summary>
    /// A URL for <see cref="PeerPublishRequest.Port"/> of the lease's sandbox. Idempotent: a live
    /// target for that port is returned instead of publishing another one, since every publish
    /// may count against the user's quota. Exit 2 for a port outside 1..65535 or a lease id that
    /// does not name one of crabbox's sandboxes.
    /// </summary>
    Task<PeerTarget> PublishPeerAsync(PeerPublishRequest request, CancellationToken cancellationToken);

    /// <summary>The URLs currently published for the lease's sandbox; no side effects.</summary>
    Task<IReadOnlyList<PeerTarget>> ListPeerTargetsAsync(string leaseId, CancellationToken cancellationToken);
}
