namespace Crabbox.Core.Sync.Delta;

/// <summary>What a remote path is, as <c>find -printf %y</c> reports it.</summary>
public enum RemoteEntryKind
{
    File,
    Directory,
    Symlink,

    /// <summary>A FIFO, socket or device: never synced, always in the way.</summary>
    Other,
}
