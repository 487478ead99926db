namespace Crabbox.Core.Sync.Delta;

/// <summary>What the remote's own <c>lstat</c> said about a synced path right after a sync.</summary>
/// <param name="Size">Size in bytes (link target length for symbolic links).</param>
/// <param name="MtimeNanoseconds">Modification time, nanoseconds since the Unix epoch.</param>
/// <param name="Mode">Permission bits as the remote reports them (umask applied).</param>
public readonly record struct RemoteObservation(long Size, long MtimeNanoseconds, int Mode);
