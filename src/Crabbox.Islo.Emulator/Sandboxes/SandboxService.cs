using Crabbox.Islo.Emulator.Exec;
using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Sandboxes;

/// <summary>Creating sandboxes and moving them through running, paused, stopped and deleted.</summary>
internal sealed class SandboxService(
    SandboxStore store,
    SnapshotStore snapshots,
    SandboxProcessTracker tracker,
    ExecRegistry execs,
    TimeSpan startupDelay,
    TimeProvider timeProvider)
{
    public const string DefaultImage = "ghcr.io/islo-labs/islo-runner:latest";
    private const int MaxGeneratedNameAttempts = 5;

    public async Task<SandboxRecord> CreateAsync(CreateSandboxRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        if (request.SnapshotName is { } snapshotName && await snapshots.GetAsync(snapshotName, cancellationToken) is null)
        {
            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, $"snapshot {snapshotName} not found");
        }

        for (var attempt = 1; ; attempt++)
        {
            var record = NewRecord(request, request.Name ?? ResourceNames.Generate("sandbox"));
            try
            {
                await store.CreateAsync(record, (paths, token) => Populate(paths, record, token), cancellationToken);
                return record;
            }
            catch (ApiException exception) when (request.Name is null && exception.Code == ErrorCodes.SandboxAlreadyExists && attempt < MaxGeneratedNameAttempts)
            {
                // A generated name collided; draw another.
            }
        }
    }

    public async Task<SandboxRecord> PauseAsync(string name, CancellationToken cancellationToken)
    {
        using var sandboxLock = await store.LockAsync(name, cancellationToken);
        var record = await RequireStatusAsync(name, SandboxStatus.Running, "paused", cancellationToken);
        tracker.Pause(name, store.Paths(name));
        return await SaveStatusAsync(record, SandboxStatus.Paused, cancellationToken);
    }

    public async Task<SandboxRecord> ResumeAsync(string name, CancellationToken cancellationToken)
    {
        using var sandboxLock = await store.LockAsync(name, cancellationToken);
        var record = await RequireStatusAsync(name, SandboxStatus.Paused, "resumed", cancellationToken);
        tracker.Resume(name, store.Paths(name));
        return await SaveStatusAsync(record, SandboxStatus.Running, cancellationToken);
    }

    public async Task StopAsync(string name, CancellationToken cancellationToken)
    {
        using var sandboxLock = await store.LockAsync(name, cancellationToken);
        var record = await store.GetRequiredAsync(name, cancellationToken);
        if (record.Status == SandboxStatus.Stopped)
        {
            throw ApiException.InvalidState($"sandbox {name} is already stopped");
        }

        await tracker.KillAsync(name, store.Paths(name), cancellationToken);
        await SaveStatusAsync(record, SandboxStatus.Stopped, cancellationToken);
    }

    /// <summary>Kills the sandbox's processes and removes its folder; false when there was no such sandbox.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(name, cancellationToken) is null)
        {
            return false;
        }

        using (await store.LockAsync(name, cancellationToken))
        {
            // Processes are found by the workspace path in their argv, so kill before the folder moves.
            await tracker.KillAsync(name, store.Paths(name), cancellationToken);
            execs.RemoveSandbox(name);
            return await store.DeleteAsync(name, cancellationToken);
        }
    }

    private async Task<SandboxRecord> RequireStatusAsync(string name, string required, string verb, CancellationToken cancellationToken)
    {
        var record = await store.GetRequiredAsync(name, cancellationToken);
        var status = record.EffectiveStatus(timeProvider.GetUtcNow());
        if (status != required)
        {
            throw ApiException.InvalidState($"sandbox {name} is {status}; only {required} sandboxes can be {verb}");
        }

        return record;
    }

    private async Task<SandboxRecord> SaveStatusAsync(SandboxRecord record, string status, CancellationToken cancellationToken)
    {
        var updated = record with { Status = status };
        await store.SaveAsync(updated, cancellationToken);
        return updated;
    }

    private SandboxRecord NewRecord(CreateSandboxRequest request, string name)
    {
        var now = timeProvider.GetUtcNow();
        return new SandboxRecord
        {
            Id = Guid.NewGuid().ToString(),
            Name = name,
            Image = string.IsNullOrWhiteSpace(request.Image) ? DefaultImage : request.Image,
            Status = SandboxStatus.Running,
            CreatedAt = now,
            ReadyAt = now + startupDelay,
            Vcpus = request.Vcpus ?? 2,
            MemoryMb = request.MemoryMb ?? 4096,
            DiskGb = request.DiskGb ?? 20,
            Env = request.Env?.Where(static pair => pair.Value is not null).ToDictionary(static pair => pair.Key, static pair => pair.Value!, StringComparer.Ordinal),
            Workdir = string.IsNullOrEmpty(request.Workdir) ? null : request.Workdir,
            Init = request.Init,
            GatewayProfile = request.GatewayProfile,
            Lifecycle = request.Lifecycle,
            SnapshotName = request.SnapshotName,
        };
    }

    private void Populate(SandboxPaths paths, SandboxRecord record, CancellationToken cancellationToken)
    {
        if (record.SnapshotName is { } snapshotName)
        {
            DirectoryTree.Copy(snapshots.WorkspaceOf(snapshotName), paths.Workspace, cancellationToken);
            DirectoryTree.Copy(snapshots.HomeOf(snapshotName), paths.Home, cancellationToken);
        }

        if (record.Workdir is { } workdir && !workdir.StartsWith('/'))
        {
            Directory.CreateDirectory(Path.Combine(paths.Workspace, workdir));
        }
    }

    private static void Validate(CreateSandboxRequest request)
    {
        if (request.Name is { } name && !ResourceNames.IsValid(name))
        {
            throw ApiException.Validation($"name {name} is invalid: use 1 to {ResourceNames.MaxLength} characters from a-z, 0-9 and -");
        }

        if (request.SnapshotName is { } snapshot && !ResourceNames.IsValid(snapshot))
        {
            throw ApiException.Validation($"snapshot_name {snapshot} is invalid");
        }

        if (request.Vcpus <= 0 || request.MemoryMb <= 0 || request.DiskGb <= 0)
        {
            throw ApiException.Validation("vcpus, memory_mb and disk_gb must be positive");
        }

        if (request.Workdir is { Length: > 0 } workdir && !workdir.StartsWith('/'))
        {
            var depth = 0;
            foreach (var part in workdir.Split('/'))
            {
                depth += part switch { "" or "." => 0, ".." => -1, _ => 1 };
                if (depth < 0)
                {
                    throw ApiException.Validation($"workdir {workdir} escapes {SandboxRoots.Workspace}");
                }
            }
        }

        foreach (var key in request.Env?.Keys ?? Enumerable.Empty<string>())
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
            {
                throw ApiException.Validation($"env name {key} is not a valid environment variable");
            }
        }
    }
}
