using System.Globalization;
using Crabbox.Core;
using Crabbox.Core.Providers;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Bridge;

/// <summary>
/// The URL bridge on Islo shares: a share publishes one sandbox port as a URL. Publishing reuses a
/// live share for the port, because every share Islo creates counts as a published URL on the
/// user's account. No claim is needed, but only crabbox's own sandboxes are ever touched.
/// </summary>
internal sealed class IsloBridge(IsloRuntime runtime)
{
    /// <summary>A share closer than this to its expiry is not handed out again: the caller could not use it in time.</summary>
    public static readonly TimeSpan ReuseMargin = TimeSpan.FromSeconds(30);

    private string Provider => runtime.ProviderName;

    /// <summary>
    /// The first reusable share of <paramref name="port"/>, else a new one with <paramref name="ttl"/>
    /// (the client clamps it to Islo's range; zero or less lets Islo choose). The port is checked
    /// before the lease id, and a failed share listing is returned without creating anything.
    /// </summary>
    public async Task<PeerTarget> PublishPeerAsync(string? leaseId, int port, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (port is < 1 or > 65535)
        {
            throw CrabboxException.Usage($"{Provider} bridge: port {port.ToString(CultureInfo.InvariantCulture)} out of range");
        }

        var name = SandboxName(leaseId);
        var shares = await runtime.Client.ListSharesAsync(name, cancellationToken);
        var now = runtime.Time.GetUtcNow();
        if (shares.FirstOrDefault(share => share is not null && IsReusable(share, port, now)) is { } existing)
        {
            return Target(existing);
        }

        var created = await runtime.Client.CreateShareAsync(name, port, ttl, cancellationToken);
        return Target(created);
    }

    /// <summary>The sandbox's shares that have a URL, in the order Islo lists them.</summary>
    public async Task<IReadOnlyList<PeerTarget>> ListPeerTargetsAsync(string? leaseId, CancellationToken cancellationToken)
    {
        var name = SandboxName(leaseId);
        var shares = await runtime.Client.ListSharesAsync(name, cancellationToken);
        return [.. shares.Where(share => !string.IsNullOrEmpty(share?.Url)).Select(Target)];
    }

    /// <summary>
    /// Same port, a URL, and time left: a share Islo sent without an expiry never expires, one
    /// whose expiry is garbled is treated as expired, any other must outlive now + <see cref="ReuseMargin"/>.
    /// </summary>
    public static bool IsReusable(IsloShare share, int port, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(share);
        if (share.Port != port || string.IsNullOrEmpty(share.Url))
        {
            return false;
        }

        if (!share.ExpirySet)
        {
            return true;
        }

        return share.ExpiresAtTime is { } expires && expires > now + ReuseMargin;
    }

    /// <summary>
    /// The sandbox named by <paramref name="leaseId"/>: an <c>isb_</c> lease id or a bare sandbox
    /// name, either way canonical (crabbox-created). Exit 2 otherwise; slugs are not resolved here.
    /// </summary>
    public string SandboxName(string? leaseId)
    {
        var id = leaseId?.Trim() ?? string.Empty;
        if (id.Length == 0)
        {
            throw CrabboxException.Usage($"{Provider} bridge: missing lease id");
        }

        if (IsloNames.SandboxName(id) is { } named)
        {
            return IsloNames.IsCanonical(named)
                ? named
                : throw CrabboxException.Usage($"{Provider} bridge: lease \"{id}\" is not a Crabbox-owned sandbox");
        }

        return IsloNames.IsCanonical(id)
            ? id
            : throw CrabboxException.Usage($"{Provider} bridge: lease \"{id}\" is not a Crabbox-owned {Provider} sandbox");
    }

    private static PeerTarget Target(IsloShare share) =>
        new(share.Port, share.Url ?? string.Empty, share.ShareId, share.ExpiresAtTime);
}
