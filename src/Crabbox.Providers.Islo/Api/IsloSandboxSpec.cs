namespace Crabbox.Providers.Islo.Api;

/// <summary>The <c>spec</c> of a sandbox response.</summary>
internal sealed record IsloSandboxSpec
{
    public int? Vcpus { get; init; }

    public int? MemoryMb { get; init; }

    public int? DiskGb { get; init; }
}
