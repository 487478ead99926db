namespace Crabbox.Core.Sync.Delta;

/// <summary>Whether a remote listing could be taken.</summary>
public enum RemoteSnapshotStatus
{
    /// <summary>The workspace exists and was listed.</summary>
    Listed,

    /// <summary>The workspace directory does not exist.</summary>
    WorkspaceMissing,

    /// <summary>The remote lacks GNU <c>find -printf</c>; only a full sync is possible.</summary>
    Unsupported,
}
