namespace Crabbox.Islo.Emulator.Json;

internal sealed record CreateSnapshotRequest
{
    public string? SandboxName { get; init; }

    public string? Name { get; init; }
}
