using Crabbox.Core.Repo;

namespace Crabbox.Core.Runs;

/// <summary>An operation on one existing lease: stop, pause, resume, ssh.</summary>
public sealed record LeaseRequest
{
    /// <summary>Slug, lease id or sandbox name as the user typed it.</summary>
    public required string Id { get; init; }

    /// <summary>The current checkout, for operations that claim the lease (ssh); null otherwise.</summary>
    public RepositoryInfo? Repo { get; init; }

    public bool Reclaim { get; init; }
}
