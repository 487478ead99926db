namespace Crabbox.Core.Sync.Delta;

/// <summary>Why a plan wipes the remote workspace and sends everything.</summary>
public enum FullSyncReason
{
    /// <summary><c>--full-resync</c> was given.</summary>
    Requested,

    /// <summary>No usable sync record for this lease and workspace (first sync, or it was corrupt or of another version).</summary>
    NoRecord,

    /// <summary>The remote could not be listed, so its tree cannot be trusted.</summary>
    NoListing,

    /// <summary>The remote workspace does not exist.</summary>
    WorkspaceMissing,

    /// <summary>The remote workspace is empty although the record says crabbox synced files there.</summary>
    WorkspaceEmpty,
}
