using Crabbox.Core.Config;
using Crabbox.Core.Providers;

namespace Crabbox.Providers.Islo;

/// <summary>The <c>--islo-*</c> flags; each sets the <c>islo.*</c> key of the same name for one invocation.</summary>
internal static class IsloProviderFlags
{
    public static IReadOnlyList<ProviderFlag> All { get; } =
    [
        new("--islo-base-url", IsloConfigKeys.BaseUrl, ConfigValueKind.Url, "Islo API base URL"),
        new("--islo-compute-url", IsloConfigKeys.ComputeUrl, ConfigValueKind.Url, "Islo compute-plane URL (defaults to the base URL)"),
        new("--islo-image", IsloConfigKeys.Image, ConfigValueKind.Text, "Islo sandbox image"),
        new("--islo-workdir", IsloConfigKeys.Workdir, ConfigValueKind.Text, "Islo sandbox working directory under /workspace"),
        new("--islo-gateway-profile", IsloConfigKeys.GatewayProfile, ConfigValueKind.Text, "Islo gateway profile name or id"),
        new("--islo-snapshot-name", IsloConfigKeys.SnapshotName, ConfigValueKind.Text, "Islo snapshot name"),
        new("--islo-vcpus", IsloConfigKeys.Vcpus, ConfigValueKind.Number, "Islo sandbox vCPUs"),
        new("--islo-memory-mb", IsloConfigKeys.MemoryMb, ConfigValueKind.Number, "Islo sandbox memory in MB"),
        new("--islo-disk-gb", IsloConfigKeys.DiskGb, ConfigValueKind.Number, "Islo sandbox disk in GB"),
        new("--islo-init", IsloConfigKeys.Init, ConfigValueKind.Text, "Islo sandbox init: minimal or full"),
    ];
}
