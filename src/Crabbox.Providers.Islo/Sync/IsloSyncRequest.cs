namespace Crabbox.Providers.Islo.Sync;

/// <summary>One sync of a checkout into a sandbox's workspace.</summary>
internal sealed record IsloSyncRequest
{
    public required string Sandbox { get; init; }

    /// <summary>The lease whose sync record describes the workspace.</summary>
    public required string LeaseId { get; init; }

    /// <summary>The absolute remote workspace (<see cref="IsloWorkdir.Resolve"/>).</summary>
    public required string Workspace { get; init; }

    public required IsloSyncSource Source { get; init; }

    /// <summary>A listing started before the manifest was ready (<see cref="IsloWorkspaceSync.StartListingAsync"/>), or null.</summary>
    public IsloEarlyListing? EarlyListing { get; init; }

    /// <summary><c>--full-resync</c>: wipe and send everything, whatever the record says.</summary>
    public bool FullResync { get; init; }

    /// <summary>
    /// Keep a sync record after a full sync so the next run on this sandbox can send a delta. Off for
    /// a sandbox the run deletes at its end: recording it would cost a listing exec for nothing.
    /// </summary>
    public bool Record { get; init; } = true;
}
