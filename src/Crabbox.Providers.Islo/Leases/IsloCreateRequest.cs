using Crabbox.Core.Repo;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>What a new lease is created for (warmup, or run without <c>--id</c>).</summary>
internal sealed record IsloCreateRequest
{
    /// <summary>The checkout to name the sandbox after and claim it for; null outside a repository (no claim).</summary>
    public RepositoryInfo? Repo { get; init; }

    /// <summary>The requested slug, already validated; null generates one.</summary>
    public string? Slug { get; init; }

    public string? Pond { get; init; }

    public bool Reclaim { get; init; }
}
