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

    public void EnsureCreated()
    {
        Directory.CreateDirectory(SandboxesDirectory);
        Directory.CreateDirectory(SnapshotsDirectory);
        Directory.CreateDirectory(TrashDirectory);
    }
}
