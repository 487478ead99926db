namespace Crabbox.Core.Providers;

/// <summary>One URL through which a sandbox port is reachable, the same shape for every provider.</summary>
/// <param name="Port">The sandbox port behind the URL.</param>
/// <param name="Url">Where to dial it.</param>
/// <param name="ShareId">The provider's id for the published URL, when it has one.</param>
/// <param name="ExpiresAt">When the URL stops working; null when it does not expire or the provider did not say.</param>
public sealed record PeerTarget(int Port, string Url, string? ShareId, DateTimeOffset? ExpiresAt);
