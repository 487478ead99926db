namespace Crabbox.Islo.Emulator.State;

/// <summary>What <c>snapshot.json</c> holds.</summary>
internal sealed record SnapshotRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string SandboxId { get; init; }

    public required string SandboxName { get; init; }

    public required long SizeBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
