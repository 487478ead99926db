using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>Builds the wire <see cref="SandboxResponse"/> from a stored <see cref="SandboxRecord"/>.</summary>
internal sealed class SandboxResponses(SandboxIsolation isolation, TimeProvider timeProvider)
{
    public const string CreatedBy = "emulator";

    public string IsolationName { get; } = isolation == SandboxIsolation.Bubblewrap ? "bubblewrap" : "host";

    public SandboxResponse From(SandboxRecord record) => new()
    {
        Id = record.Id,
        Name = record.Name,
        Status = record.EffectiveStatus(timeProvider.GetUtcNow()),
        Image = record.Image,
        CreatedAt = Timestamps.Format(record.CreatedAt),
        CreatedBy = CreatedBy,
        Spec = new SandboxSpecResponse { Vcpus = record.Vcpus, MemoryMb = record.MemoryMb, DiskGb = record.DiskGb },
        Workdir = record.Workdir,
        Lifecycle = record.Lifecycle,
        Isolation = IsolationName,
    };
}
