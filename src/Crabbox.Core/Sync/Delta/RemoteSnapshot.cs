namespace Crabbox.Core.Sync.Delta;

/// <summary>The parsed output of one <see cref="RemoteListing"/> script run.</summary>
public sealed record RemoteSnapshot
{
    public static RemoteSnapshot Missing { get; } = new() { Status = RemoteSnapshotStatus.WorkspaceMissing, Entries = [] };

    public static RemoteSnapshot Unsupported { get; } = new() { Status = RemoteSnapshotStatus.Unsupported, Entries = [] };

    public required RemoteSnapshotStatus Status { get; init; }

    /// <summary>
    /// Every file, directory, symbolic link and other node under the workspace, in listing order,
    /// except inside pruned directories (which are listed themselves, not descended into).
    /// </summary>
    public required IReadOnlyList<RemoteEntry> Entries { get; init; }
}
