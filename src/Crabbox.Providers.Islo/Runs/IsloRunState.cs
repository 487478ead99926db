using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Runs;

/// <summary>What one run has learned so far; read by cleanup and the timing report on every exit path.</summary>
internal sealed class IsloRunState
{
    public required long Started { get; init; }

    public IsloSyncSource? Source { get; set; }

    /// <summary>The workspace listing started early for a reused lease; disposed when the run ends.</summary>
    public IsloEarlyListing? EarlyListing { get; set; }

    public IsloLease? Lease { get; set; }

    /// <summary>Islo's create response for a new lease (its status may save a readiness poll).</summary>
    public IsloSandbox? Created { get; set; }

    /// <summary>This run created the sandbox.</summary>
    public bool Acquired { get; set; }

    /// <summary>Delete the sandbox when the run ends (a new lease without <c>--keep</c>, not kept by <c>--keep-on-failure</c>).</summary>
    public bool ShouldStop { get; set; }

    public IsloSyncResult? Sync { get; set; }

    public TimeSpan Command { get; set; }

    public IReadOnlyList<TimingArtifact> Artifacts { get; set; } = [];

    /// <summary>Null while no delete was attempted; then whether it worked.</summary>
    public bool? LeaseStopped { get; set; }

    public string? LeaseStopError { get; set; }
}
