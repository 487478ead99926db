using Crabbox.Core.Repo;

namespace Crabbox.Core.Runs;

/// <summary>
/// One <c>crabbox run</c>: everything the CLI parsed and validated, handed to the provider.
/// Options the provider cannot honor were rejected before this is built.
/// </summary>
public sealed record RunRequest
{
    /// <summary>The checkout to sync and claim for; null only with <see cref="NoSync"/> outside a repository.</summary>
    public RepositoryInfo? Repo { get; init; }

    /// <summary><c>run_&lt;12 hex&gt;</c>, unique per run.</summary>
    public required string RunId { get; init; }

    /// <summary>Reuse this lease (slug, lease id or sandbox name); null creates a new sandbox.</summary>
    public string? Id { get; init; }

    /// <summary>The command argv, verbatim after <c>--</c>.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Run the command words joined by spaces through the remote shell.</summary>
    public bool Shell { get; init; }

    public bool Keep { get; init; }

    public bool KeepOnFailure { get; init; }

    public bool Reclaim { get; init; }

    public bool NoSync { get; init; }

    /// <summary>Wipe the remote workspace and upload the whole tree for this run.</summary>
    public bool FullResync { get; init; }

    /// <summary>Requested slug for a new lease (validated, normalized), or null.</summary>
    public string? Slug { get; init; }

    public string? Pond { get; init; }

    public string? Label { get; init; }

    public bool TimingJson { get; init; }

    /// <summary>How long a new sandbox may take to become ready before the run fails with exit 5.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<DownloadSpec> Downloads { get; init; } = [];

    /// <summary>Remote files that must exist after a successful command (safe relative paths).</summary>
    public IReadOnlyList<string> RequiredArtifacts { get; init; } = [];

    /// <summary>Environment forwarded to the remote command (allowed local variables plus crabbox's own).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When the CLI started handling the run, for end-to-end timing.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
