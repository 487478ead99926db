using System.Text.Json;

namespace Crabbox.Islo.Emulator.Json;

/// <summary>Body of <c>POST /sandboxes</c>; every field is optional and unknown fields are ignored.</summary>
internal sealed record CreateSandboxRequest
{
    public string? Name { get; init; }

    public string? Image { get; init; }

    public int? Vcpus { get; init; }

    public int? MemoryMb { get; init; }

    public int? DiskGb { get; init; }

    public Dictionary<string, string?>? Env { get; init; }

    public string? Workdir { get; init; }

    public JsonElement? Init { get; init; }

    public string? GatewayProfile { get; init; }

    public JsonElement? Lifecycle { get; init; }

    public string? SnapshotName { get; init; }
}
