namespace Crabbox.Core.Sync.Delta;

/// <summary>One path under a remote workspace, from its own <c>lstat</c> (links are never followed).</summary>
/// <param name="Path">Workspace-relative path with <c>/</c> separators.</param>
/// <param name="Kind">File, directory, symbolic link or other.</param>
/// <param name="Mode">Permission bits (<c>find %m</c>, e.g. <c>0755</c>).</param>
/// <param name="Size">Size in bytes (for links: the target length).</param>
/// <param name="MtimeNanoseconds">Modification time, nanoseconds since the Unix epoch.</param>
/// <param name="LinkTarget">The target of a symbolic link; null otherwise.</param>
public sealed record RemoteEntry(string Path, RemoteEntryKind Kind, int Mode, long Size, long MtimeNanoseconds, string? LinkTarget)
{
    /// <summary>The facts a sync record keeps to notice a later remote change.</summary>
    public RemoteObservation Observation => new(Size, MtimeNanoseconds, Mode);
}
