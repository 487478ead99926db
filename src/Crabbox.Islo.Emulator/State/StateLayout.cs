namespace Crabbox.Islo.Emulator.State;

/// <summary>Where things live under the state directory.</summary>
internal sealed class StateLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string SandboxesDirectory => Path.Combine(Root, "sandboxes");

    public string SnapshotsDirectory => Path.Combine(Root, "snapshots");

    /// <summary>Deleted sandboxes and snapshots are renamed here first, so a name is freed atomically.</summary>
    public string TrashDirectory => Path.Combine(Root, "trash");

    public SandboxPaths Sandbox(string name) => new(Path.Combine(SandboxesDirectory, name));

    public string Snapshot(string name) => Path.Combine(SnapshotsDirectory, name);

    /// <summary>Only the owner may enter state folders: they hold repository copies and sandbox environments.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the state folders owner-only; the root only when missing (it may be a folder the user chose), the others always tightened.</summary>
    public void EnsureCreated()
    {
        if (!Directory.Exists(Root))
        {
            Directory.CreateDirectory(Root, FolderMode);
        }

        foreach (var folder in (string[])[SandboxesDirectory, SnapshotsDirectory, TrashDirectory])
        {
            Directory.CreateDirectory(folder, FolderMode);
            File.SetUnixFileMode(folder, FolderMode);
        }
    }
}
