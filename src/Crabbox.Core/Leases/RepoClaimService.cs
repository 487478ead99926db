namespace Crabbox.Core.Leases;

/// <summary>
/// The claim rules shared by every provider: a lease belongs to one checkout at a time, and
/// taking it for another needs <c>--reclaim</c>. Removing a claim also removes the lease's local
/// SSH material (<see cref="CrabboxPaths.LeaseMaterialDirectory"/>).
/// </summary>
public sealed class RepoClaimService(IClaimStore claims, CrabboxPaths paths, TimeProvider time)
{
    /// <summary>
    /// Writes or refreshes the claim for <see cref="ClaimRequest.RepoRoot"/>. Returns null and writes
    /// nothing when the repo root is empty. Exit 2 when the lease is claimed by another checkout and
    /// <see cref="ClaimRequest.Reclaim"/> is false.
    /// </summary>
    public async Task<LeaseClaim?> ClaimForRepoAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.RepoRoot))
        {
            return null;
        }

        var now = TruncateToSeconds(time.GetUtcNow());
        return await claims.UpdateAsync(request.LeaseId, current => Apply(current, request, now), cancellationToken);
    }

    /// <summary>Deletes the claim and the lease's SSH material directory; true when a claim existed.</summary>
    public async Task<bool> RemoveAsync(string leaseId, CancellationToken cancellationToken)
    {
        // Validate before building any path from the id: the material directory is deleted recursively.
        LeaseIds.EnsureValidClaimId(leaseId);
        var removed = await claims.RemoveAsync(leaseId, cancellationToken);
        var material = paths.LeaseMaterialDirectory(leaseId);
        if (Directory.Exists(material))
        {
            Directory.Delete(material, recursive: true);
        }

        return removed;
    }

    private static LeaseClaim Apply(LeaseClaim? current, ClaimRequest request, DateTimeOffset now)
    {
        var previousRoot = current?.RepoRoot ?? string.Empty;
        if (previousRoot.Length > 0 && !string.Equals(previousRoot, request.RepoRoot, StringComparison.Ordinal) && !request.Reclaim)
        {
            throw CrabboxException.Usage(
                $"lease {request.LeaseId} is claimed by repo {previousRoot}; use --reclaim to claim it for {request.RepoRoot}");
        }

        var restart = current is null || request.Reclaim || !string.Equals(previousRoot, request.RepoRoot, StringComparison.Ordinal);
        var pond = Slugs.Normalize(request.Pond);
        var idleSeconds = request.IdleTimeout is { } idle ? (long)idle.TotalSeconds : 0;
        var claim = current ?? new LeaseClaim { LeaseId = request.LeaseId };
        return claim with
        {
            Slug = request.Slug,
            Provider = request.Provider,
            RepoRoot = request.RepoRoot,
            ClaimedAt = restart ? now : claim.ClaimedAt,
            LastUsedAt = now,
            Pond = pond.Length > 0 ? pond : claim.Pond,
            IdleTimeoutSeconds = idleSeconds > 0 ? idleSeconds : claim.IdleTimeoutSeconds,
        };
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
