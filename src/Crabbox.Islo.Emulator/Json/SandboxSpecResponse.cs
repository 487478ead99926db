namespace Crabbox.Islo.Emulator.Json;

internal sealed record SandboxSpecResponse
{
    public required int Vcpus { get; init; }

    public required int MemoryMb { get; init; }

    public required int DiskGb { get; init; }
}
