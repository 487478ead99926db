namespace Crabbox.Islo.Emulator.Json;

internal sealed record SnapshotResponse
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public string? SandboxId { get; init; }

    public long? SizeBytes { get; init; }

    public string? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }
}
