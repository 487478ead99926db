namespace Crabbox.Core.Providers;

/// <summary>What <see cref="IPeerBridgeBackend.PublishPeerAsync"/> publishes.</summary>
public sealed record PeerPublishRequest
{
    /// <summary>The lease id (e.g. <c>isb_crabbox-web-1a2b3c</c>) or the provider's own sandbox name.</summary>
    public required string LeaseId { get; init; }

    public required int Port { get; init; }

    /// <summary>How long a newly published URL should live; zero or less lets the provider choose.</summary>
    public TimeSpan Ttl { get; init; }
}
