using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>
/// Turns what the user typed (a slug, an <c>isb_</c> lease id or a canonical sandbox name) into a
/// lease, using local claims. Only claims recorded by this provider count as exact claims, and
/// sandboxes crabbox did not create (non-canonical names) are never touched.
/// </summary>
internal sealed class IsloLeaseResolver(IsloRuntime runtime)
{
    private string Provider => runtime.ProviderName;

    /// <summary>
    /// Resolves <paramref name="id"/>. With a <paramref name="repoRoot"/>, an existing exact claim is
    /// refreshed for that checkout (exit 2 when another checkout holds it and
    /// <paramref name="reclaim"/> is false). Exit 2 for an empty id, exit 4 for ids that cannot
    /// name a crabbox sandbox.
    /// </summary>
    public async Task<IsloLease> ResolveAsync(string? id, string? repoRoot, bool reclaim, CancellationToken cancellationToken)
    {
        var identifier = id?.Trim() ?? string.Empty;
        if (identifier.Length == 0)
        {
            throw CrabboxException.Usage($"provider={Provider} requires a Crabbox-created sandbox name, lease id, or slug");
        }

        if (IsloNames.SandboxName(identifier) is { } named)
        {
            if (!IsloNames.IsCanonical(named))
            {
                throw new CrabboxException(ExitCodes.Identity, $"{Provider} lease \"{identifier}\" is not a Crabbox-owned sandbox");
            }

            var exact = await ReadExactClaimAsync(identifier, cancellationToken);
            return exact is null
                ? new IsloLease(identifier, named, Slugs.Generate(identifier), Claimed: false)
                : await FromClaimAsync(exact, repoRoot, reclaim, cancellationToken);
        }

        var found = await runtime.Claims.FindAsync(identifier, cancellationToken);
        if (IsOurs(found) && IsloNames.SandboxName(found!.LeaseId) is { } claimedName && IsloNames.IsCanonical(claimedName))
        {
            return await FromClaimAsync(found, repoRoot, reclaim, cancellationToken);
        }

        if (!IsloNames.IsCanonical(identifier))
        {
            throw new CrabboxException(
                ExitCodes.Identity,
                $"{Provider} sandbox \"{identifier}\" is not claimed by Crabbox; use a Crabbox slug or isb_<crabbox-sandbox-name>");
        }

        // Read the lease id's own claim file: a slug lookup could match another claim whose slug
        // merely normalizes to "isb-<name>".
        var leaseId = IsloNames.LeaseId(identifier);
        var byName = await ReadExactClaimAsync(leaseId, cancellationToken);
        return byName is null
            ? new IsloLease(leaseId, identifier, Slugs.Generate(leaseId), Claimed: false)
            : await FromClaimAsync(byName, repoRoot, reclaim, cancellationToken);
    }

    /// <summary>
    /// Resolution for reuse by a checkout (<c>run --id</c>, <c>ssh</c>): a lease without an exact claim
    /// needs <c>--reclaim</c>, which first checks that the sandbox exists and then claims it.
    /// </summary>
    public async Task<IsloLease> ResolveForRepoAsync(string? id, string? repoRoot, bool reclaim, CancellationToken cancellationToken)
    {
        var lease = await ResolveAsync(id, repoRoot, reclaim, cancellationToken);
        if (lease.Claimed || string.IsNullOrEmpty(repoRoot))
        {
            return lease;
        }

        if (!reclaim)
        {
            throw new CrabboxException(
                ExitCodes.Identity,
                $"{Provider} lease \"{lease.LeaseId}\" has no exact local claim; use --reclaim to adopt it before reuse");
        }

        IsloSandbox? sandbox;
        try
        {
            sandbox = await runtime.Client.GetSandboxAsync(lease.Name, cancellationToken);
        }
        catch (IsloNotFoundException)
        {
            sandbox = null;
        }

        if (sandbox is null || !string.Equals(sandbox.Name, lease.Name, StringComparison.Ordinal))
        {
            throw new CrabboxException(
                ExitCodes.Identity,
                $"{Provider} sandbox \"{lease.Name}\" was not found; refusing to create a local claim");
        }

        await runtime.ClaimService.ClaimForRepoAsync(
            new ClaimRequest
            {
                LeaseId = lease.LeaseId,
                Slug = lease.Slug,
                Provider = Provider,
                RepoRoot = repoRoot,
                Reclaim = true,
                Pond = runtime.Settings.Pond,
                IdleTimeout = runtime.Settings.IdleTimeout,
            },
            cancellationToken);
        return lease with { Claimed = true };
    }

    /// <summary>Exit 4 unless an exact claim of this provider exists; mutations (stop, pause, resume, ssh) need one.</summary>
    public async Task RequireExactClaimAsync(IsloLease lease, string action, CancellationToken cancellationToken)
    {
        if (lease.Claimed || await ReadExactClaimAsync(lease.LeaseId, cancellationToken) is not null)
        {
            return;
        }

        throw new CrabboxException(
            ExitCodes.Identity,
            $"{Provider} lease \"{lease.LeaseId}\" has no exact local claim; adopt it with an explicit --reclaim reuse before {action}");
    }

    /// <summary>The claim stored for exactly <paramref name="leaseId"/> by this provider, or null.</summary>
    public async Task<LeaseClaim?> ReadExactClaimAsync(string leaseId, CancellationToken cancellationToken)
    {
        var claim = await runtime.Claims.ReadAsync(leaseId, cancellationToken);
        return IsOurs(claim) && string.Equals(claim!.LeaseId, leaseId, StringComparison.Ordinal) ? claim : null;
    }

    public bool IsOurs(LeaseClaim? claim) =>
        claim is not null && string.Equals(claim.Provider?.Trim(), Provider, StringComparison.OrdinalIgnoreCase);

    private async Task<IsloLease> FromClaimAsync(LeaseClaim claim, string? repoRoot, bool reclaim, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(claim.Slug) ? Slugs.Generate(claim.LeaseId) : claim.Slug;
        if (!string.IsNullOrEmpty(repoRoot))
        {
            await runtime.ClaimService.ClaimForRepoAsync(
                new ClaimRequest { LeaseId = claim.LeaseId, Slug = slug, Provider = Provider, RepoRoot = repoRoot, Reclaim = reclaim },
                cancellationToken);
        }

        return new IsloLease(claim.LeaseId, IsloNames.SandboxName(claim.LeaseId)!, slug, Claimed: true);
    }
}
