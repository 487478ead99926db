using Crabbox.Core.Repo;

namespace Crabbox.Core.Runs;

/// <summary>Create a sandbox ahead of time; later runs reuse it with <c>--id</c>.</summary>
public sealed record WarmupRequest
{
    /// <summary>The checkout to claim the lease for; null outside a repository (no claim is written).</summary>
    public RepositoryInfo? Repo { get; init; }

    /// <summary>Warmup keeps its sandbox by default; false only prints a warning for providers that always keep.</summary>
    public bool Keep { get; init; } = true;

    public bool Reclaim { get; init; }

    /// <summary>Requested slug (already validated and normalized), or null for a generated one.</summary>
    public string? Slug { get; init; }

    /// <summary>Normalized pond name, or null.</summary>
    public string? Pond { get; init; }

    public bool TimingJson { get; init; }

    /// <summary>How long the new sandbox may take to become ready before warmup fails with exit 5.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
