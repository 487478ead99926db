namespace Crabbox.Core.Leases;

/// <summary>Picks a slug for a new lease that no other lease's local claim already uses.</summary>
public static class SlugAllocator
{
    /// <summary>Candidates checked before the final lease-id-seeded fallback.</summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// The requested slug (normalized) or the generated one when it is free; otherwise
    /// <c>&lt;base&gt;-&lt;hex of FNV-1a(leaseId-n)&gt;</c> for n = 0, 1, … (20 checks in all), then
    /// <c>&lt;base&gt;-&lt;hex of FNV-1a(leaseId)&gt;</c>. Exit 2 when that is taken too. Claims that cannot
    /// be read are not considered (the store skips them).
    /// </summary>
    public static async Task<string> AllocateAsync(string leaseId, string? requested, IClaimStore claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var baseSlug = Slugs.Normalize(requested);
        if (baseSlug.Length == 0)
        {
            baseSlug = Slugs.Generate(leaseId);
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in await claims.ListAsync(cancellationToken))
        {
            var slug = Slugs.Normalize(claim.Slug);
            if (slug.Length > 0 && !string.Equals(claim.LeaseId, leaseId, StringComparison.Ordinal))
            {
                taken.Add(slug);
            }
        }

        var candidate = baseSlug;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!taken.Contains(candidate))
            {
                return candidate;
            }

            candidate = Slugs.WithCollisionSuffix(baseSlug, $"{leaseId}-{attempt}");
        }

        var fallback = Slugs.WithCollisionSuffix(baseSlug, leaseId);
        return taken.Contains(fallback)
            ? throw CrabboxException.Usage($"could not allocate a unique lease slug for {leaseId}")
            : fallback;
    }
}
