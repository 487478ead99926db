using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Body of <c>POST /sandboxes</c>. Every field is optional and omitted from the JSON when null,
/// so Islo applies its tenant defaults. <see cref="ToString"/> lists env names, never values.
/// </summary>
internal sealed record IsloCreateSandboxRequest
{
    public string? Name { get; init; }

    public string? Image { get; init; }

    public string? GatewayProfile { get; init; }

    public string? SnapshotName { get; init; }

    public int? Vcpus { get; init; }

    public int? MemoryMb { get; init; }

    public int? DiskGb { get; init; }

    public IsloSandboxInit? Init { get; init; }

    public IReadOnlyDictionary<string, string>? Env { get; init; }

    public string? Workdir { get; init; }

    public IsloLifecyclePolicy? Lifecycle { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Image = ").Append(Image)
            .Append(", GatewayProfile = ").Append(GatewayProfile)
            .Append(", SnapshotName = ").Append(SnapshotName)
            .Append(", Vcpus = ").Append(Vcpus)
            .Append(", MemoryMb = ").Append(MemoryMb)
            .Append(", DiskGb = ").Append(DiskGb)
            .Append(", Init = ").Append(Init?.Type)
            .Append(", Env = ").Append(IsloEnvNames.Describe(Env))
            .Append(", Workdir = ").Append(Workdir)
            .Append(", Lifecycle = ").Append(Lifecycle);
        return true;
    }
}
