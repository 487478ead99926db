namespace Crabbox.Core.Leases;

/// <summary>Bind a lease to a checkout: written by warmup, run and ssh once the lease is known.</summary>
public sealed record ClaimRequest
{
    public required string LeaseId { get; init; }

    /// <summary>Stored as given (the caller allocated or resolved it); null or empty removes it.</summary>
    public string? Slug { get; init; }

    public required string Provider { get; init; }

    /// <summary>The Git top-level path of the checkout; empty writes no claim at all.</summary>
    public string RepoRoot { get; init; } = string.Empty;

    /// <summary>Take the lease over from another checkout (and restart <c>claimedAt</c>).</summary>
    public bool Reclaim { get; init; }

    /// <summary>Pond name; normalized like a slug and stored only when non-empty.</summary>
    public string? Pond { get; init; }

    /// <summary>Stored as whole seconds only when positive.</summary>
    public TimeSpan? IdleTimeout { get; init; }
}
