namespace Crabbox.Core.Runs;

/// <summary>
/// The <c>--timing-json</c> record of one run or warmup (milliseconds throughout). Written by
/// <see cref="TimingReportWriter"/> as the last stderr line, with the reference's keys and
/// omit-when-empty rules.
/// </summary>
public sealed record TimingReport
{
    public required string Provider { get; init; }

    public string? LeaseId { get; init; }

    public string? Slug { get; init; }

    public long LeaseMs { get; init; }

    public long BootstrapMs { get; init; }

    public long SyncMs { get; init; }

    public IReadOnlyList<TimingPhase>? SyncPhases { get; init; }

    public bool SyncSkipped { get; init; }

    /// <summary>The provider synced the tree itself (archive upload) rather than crabbox over SSH.</summary>
    public bool SyncDelegated { get; init; }

    public long CommandMs { get; init; }

    public long TotalMs { get; init; }

    public long EndToEndMs { get; init; }

    public int ExitCode { get; init; }

    /// <summary>Null derives it from <see cref="ExitCode"/> (<c>succeeded</c> or <c>failed</c>).</summary>
    public RunStatus? RunStatus { get; init; }

    /// <summary><see cref="RunErrorKind.None"/> derives it from <see cref="ExitCode"/> (<c>command-exit</c> when non-zero).</summary>
    public RunErrorKind ErrorKind { get; init; }

    public string? RunId { get; init; }

    /// <summary>The trimmed <c>--label</c>.</summary>
    public string? Label { get; init; }

    public IReadOnlyList<TimingArtifact>? Artifacts { get; init; }

    /// <summary>Whether cleanup deleted the lease; null when no cleanup was attempted.</summary>
    public bool? LeaseStopped { get; init; }

    public string? LeaseStopError { get; init; }
}
