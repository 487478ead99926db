using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.State;

/// <summary>Snapshots on disk: <c>snapshots/&lt;name&gt;/</c> with <c>snapshot.json</c>, <c>workspace/</c> and <c>home/</c>.</summary>
internal sealed class SnapshotStore(StateLayout layout, TrashCollector trash)
{
    public string WorkspaceOf(string name) => Path.Combine(layout.Snapshot(name), "workspace");

    public string HomeOf(string name) => Path.Combine(layout.Snapshot(name), "home");

    /// <summary>Copies the sandbox's workspace and home into a new snapshot folder, published by one rename.</summary>
    public async Task<SnapshotRecord> CreateAsync(SandboxRecord sandbox, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Directory.Exists(layout.Snapshot(name)))
        {
            throw AlreadyExists(name);
        }

        var source = layout.Sandbox(sandbox.Name);
        var staging = Path.Combine(layout.SnapshotsDirectory, $".new-{Guid.NewGuid():N}");
        try
        {
            var bytes = await Task.Run(
                () => DirectoryTree.Copy(source.Workspace, Path.Combine(staging, "workspace"), cancellationToken)
                    + DirectoryTree.Copy(source.Home, Path.Combine(staging, "home"), cancellationToken),
                cancellationToken);
            var record = new SnapshotRecord
            {
                Id = Guid.NewGuid().ToString(),
                Name = name,
                SandboxId = sandbox.Id,
                SandboxName = sandbox.Name,
                SizeBytes = bytes,
                CreatedAt = now,
            };
            await AtomicJsonFile.WriteAsync(Path.Combine(staging, "snapshot.json"), record, EmulatorJsonContext.Default.SnapshotRecord, cancellationToken);
            try
            {
                Directory.Move(staging, layout.Snapshot(name));
            }
            catch (IOException) when (Directory.Exists(layout.Snapshot(name)))
            {
                throw AlreadyExists(name);
            }

            return record;
        }
        finally
        {
            DirectoryTree.Delete(staging);
        }
    }

    public Task<SnapshotRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        ResourceNames.IsValid(name)
            ? AtomicJsonFile.ReadAsync(Path.Combine(layout.Snapshot(name), "snapshot.json"), EmulatorJsonContext.Default.SnapshotRecord, cancellationToken)
            : Task.FromResult<SnapshotRecord?>(null);

    /// <summary>Every snapshot, oldest first.</summary>
    public async Task<List<SnapshotRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<SnapshotRecord>();
        foreach (var directory in Directory.EnumerateDirectories(layout.SnapshotsDirectory))
        {
            if (await GetAsync(Path.GetFileName(directory), cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        records.Sort(static (left, right) =>
        {
            var byTime = left.CreatedAt.CompareTo(right.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(left.Name, right.Name);
        });
        return records;
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(ResourceNames.IsValid(name) && trash.Discard(layout.Snapshot(name), $"snapshot-{name}"));

    private static ApiException AlreadyExists(string name) =>
        new(StatusCodes.Status409Conflict, ErrorCodes.InvalidRequest, $"snapshot {name} already exists");
}
