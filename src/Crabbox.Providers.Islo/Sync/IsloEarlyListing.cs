using Crabbox.Core.Sync.Delta;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// The listing of a recorded workspace, started as soon as a reused lease is resolved so the exec
/// runs while the manifest is still being built. It prunes the names the record was confirmed with;
/// the sync uses it when that covers what its manifest needs (see <see cref="RemoteListing.Covers"/>),
/// else lists again. Disposing cancels it when the run ends before the sync took it.
/// </summary>
internal sealed class IsloEarlyListing(
    SyncRecord previous, Task<((RemoteSnapshot? Snapshot, string? Error) Result, TimeSpan Elapsed)> listing, CancellationTokenSource cancel)
    : IAsyncDisposable
{
    /// <summary>The record loaded for the workspace.</summary>
    public SyncRecord Previous { get; } = previous;

    /// <summary>The listing (or why there is none) and how long the exec took.</summary>
    public Task<((RemoteSnapshot? Snapshot, string? Error) Result, TimeSpan Elapsed)> Listing { get; } = listing;

    public async ValueTask DisposeAsync()
    {
        if (!Listing.IsCompleted)
        {
            await cancel.CancelAsync();
            await Task.WhenAny(Listing);
        }

        cancel.Dispose();
    }
}
