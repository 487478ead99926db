using System.Text.Json;

namespace Crabbox.Islo.Emulator.State;

/// <summary>What <c>sandbox.json</c> holds: the sandbox as created, its lifecycle status and its shares.</summary>
internal sealed record SandboxRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>One of <see cref="SandboxStatus"/>: running, paused or stopped (starting is derived from <see cref="ReadyAt"/>).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Until this instant the sandbox reports <c>starting</c>.</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    public required int Vcpus { get; init; }

    public required int MemoryMb { get; init; }

    public required int DiskGb { get; init; }

    public Dictionary<string, string>? Env { get; init; }

    public string? Workdir { get; init; }

    public JsonElement? Init { get; init; }

    public string? GatewayProfile { get; init; }

    public JsonElement? Lifecycle { get; init; }

    public string? SnapshotName { get; init; }

    public IReadOnlyList<ShareRecord> Shares { get; init; } = [];

    /// <summary>The status a client sees at <paramref name="now"/>.</summary>
    public string EffectiveStatus(DateTimeOffset now) =>
        Status == SandboxStatus.Running && now < ReadyAt ? SandboxStatus.Starting : Status;
}
