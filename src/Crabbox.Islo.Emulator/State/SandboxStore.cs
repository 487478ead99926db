using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.State;

/// <summary>
/// Sandboxes on disk: one folder per sandbox, created by renaming a fully prepared staging folder
/// (so two hosts racing for a name cannot both win) and metadata rewritten atomically under a
/// per-sandbox file lock.
/// </summary>
internal sealed class SandboxStore(StateLayout layout, TrashCollector trash)
{
    public SandboxPaths Paths(string name) => layout.Sandbox(name);

    /// <summary>Creates the sandbox folder; <paramref name="populate"/> fills the staging copy before it becomes visible.</summary>
    public async Task CreateAsync(SandboxRecord record, Action<SandboxPaths, CancellationToken> populate, CancellationToken cancellationToken)
    {
        var final = layout.Sandbox(record.Name);
        if (Directory.Exists(final.Directory))
        {
            throw AlreadyExists(record.Name);
        }

        var staging = new SandboxPaths(Path.Combine(layout.SandboxesDirectory, $".new-{Guid.NewGuid():N}"));
        try
        {
            staging.CreateFolders();
            await Task.Run(() => populate(staging, cancellationToken), cancellationToken);
            await AtomicJsonFile.WriteAsync(staging.Metadata, record, EmulatorJsonContext.Default.SandboxRecord, cancellationToken);
            try
            {
                Directory.Move(staging.Directory, final.Directory);
            }
            catch (IOException) when (Directory.Exists(final.Directory))
            {
                throw AlreadyExists(record.Name);
            }
        }
        finally
        {
            DirectoryTree.Delete(staging.Directory);
        }
    }

    public Task<SandboxRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        ResourceNames.IsValid(name)
            ? AtomicJsonFile.ReadAsync(layout.Sandbox(name).Metadata, EmulatorJsonContext.Default.SandboxRecord, cancellationToken)
            : Task.FromResult<SandboxRecord?>(null);

    public async Task<SandboxRecord> GetRequiredAsync(string name, CancellationToken cancellationToken) =>
        await GetAsync(name, cancellationToken) ?? throw ApiException.SandboxNotFound(name);

    /// <summary>Every sandbox, oldest first (ties broken by name), so paging is stable.</summary>
    public async Task<List<SandboxRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<SandboxRecord>();
        foreach (var directory in Directory.EnumerateDirectories(layout.SandboxesDirectory))
        {
            var name = Path.GetFileName(directory);
            if (await GetAsync(name, cancellationToken) is { } record)
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

    /// <summary>Takes the sandbox's lock (across hosts); throws 404 when the sandbox does not exist.</summary>
    public async Task<FileLock> LockAsync(string name, CancellationToken cancellationToken)
    {
        if (!ResourceNames.IsValid(name))
        {
            throw ApiException.SandboxNotFound(name);
        }

        try
        {
            var paths = layout.Sandbox(name);
            var fileLock = await FileLock.AcquireAsync(paths.LockFile, cancellationToken);
            if (!File.Exists(paths.Metadata))
            {
                fileLock.Dispose();
                throw ApiException.SandboxNotFound(name);
            }

            return fileLock;
        }
        catch (DirectoryNotFoundException)
        {
            throw ApiException.SandboxNotFound(name);
        }
    }

    /// <summary>Rewrites the metadata; the caller holds the sandbox lock.</summary>
    public Task SaveAsync(SandboxRecord record, CancellationToken cancellationToken) =>
        AtomicJsonFile.WriteAsync(layout.Sandbox(record.Name).Metadata, record, EmulatorJsonContext.Default.SandboxRecord, cancellationToken);

    /// <summary>Removes the sandbox folder: renamed into the trash first so the name is free at once.</summary>
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(ResourceNames.IsValid(name) && trash.Discard(layout.Sandbox(name).Directory, name));

    private static ApiException AlreadyExists(string name) =>
        new(StatusCodes.Status409Conflict, ErrorCodes.SandboxAlreadyExists, $"sandbox {name} already exists");
}
