using Crabbox.Core.Config;

namespace Crabbox.Providers.Islo;

/// <summary>
/// The <c>islo:</c> configuration section: its dotted keys, defaults and environment variables
/// (first non-empty variable wins). The API key is deliberately not a key: it is read from the
/// environment only (<see cref="ApiKeyVariables"/>).
/// </summary>
internal static class IsloConfigKeys
{
    public const string BaseUrl = "islo.baseUrl";
    public const string ComputeUrl = "islo.computeUrl";
    public const string Image = "islo.image";
    public const string Workdir = "islo.workdir";
    public const string GatewayProfile = "islo.gatewayProfile";
    public const string SnapshotName = "islo.snapshotName";
    public const string Vcpus = "islo.vcpus";
    public const string MemoryMb = "islo.memoryMB";
    public const string DiskGb = "islo.diskGB";
    public const string Init = "islo.init";

    public const string DefaultBaseUrl = "https://api.islo.dev";
    public const string DefaultImage = "docker.io/library/ubuntu:26.04";
    public const string DefaultWorkdir = "crabbox";
    public const int DefaultVcpus = 2;
    public const int DefaultMemoryMb = 4096;
    public const int DefaultDiskGb = 20;
    public const string InitMinimal = "minimal";
    public const string InitFull = "full";

    /// <summary>Where the API key comes from, highest priority first.</summary>
    public static IReadOnlyList<string> ApiKeyVariables { get; } = ["CRABBOX_ISLO_API_KEY", "ISLO_API_KEY"];

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new(BaseUrl, ConfigValueKind.Url, "Islo API base URL (control plane; also the compute plane unless islo.computeUrl is set)")
        {
            DefaultValue = DefaultBaseUrl,
            EnvironmentVariables = ["CRABBOX_ISLO_BASE_URL", "ISLO_BASE_URL"],
            IsCredentialDestination = true,
        },
        new(ComputeUrl, ConfigValueKind.Url, "Islo compute-plane URL for /sandboxes routes; defaults to islo.baseUrl")
        {
            EnvironmentVariables = ["CRABBOX_ISLO_COMPUTE_URL", "ISLO_COMPUTE_URL"],
            IsCredentialDestination = true,
        },
        new(Image, ConfigValueKind.Text, "Islo sandbox image; sent only when set explicitly")
        {
            DefaultValue = DefaultImage,
            EnvironmentVariables = ["CRABBOX_ISLO_IMAGE"],
        },
        new(Workdir, ConfigValueKind.Text, "Islo sandbox working directory under /workspace")
        {
            DefaultValue = DefaultWorkdir,
            EnvironmentVariables = ["CRABBOX_ISLO_WORKDIR"],
        },
        new(GatewayProfile, ConfigValueKind.Text, "Islo gateway profile name or id")
        {
            EnvironmentVariables = ["CRABBOX_ISLO_GATEWAY_PROFILE"],
        },
        new(SnapshotName, ConfigValueKind.Text, "Islo snapshot to create sandboxes from")
        {
            EnvironmentVariables = ["CRABBOX_ISLO_SNAPSHOT_NAME"],
        },
        new(Vcpus, ConfigValueKind.Number, "Islo sandbox vCPUs; sent only when set explicitly")
        {
            DefaultValue = "2",
            EnvironmentVariables = ["CRABBOX_ISLO_VCPUS"],
        },
        new(MemoryMb, ConfigValueKind.Number, "Islo sandbox memory in MB; sent only when set explicitly")
        {
            DefaultValue = "4096",
            EnvironmentVariables = ["CRABBOX_ISLO_MEMORY_MB"],
        },
        new(DiskGb, ConfigValueKind.Number, "Islo sandbox disk in GB; sent only when set explicitly")
        {
            DefaultValue = "20",
            EnvironmentVariables = ["CRABBOX_ISLO_DISK_GB"],
        },
        new(Init, ConfigValueKind.Text, "Islo sandbox init: minimal (fast start) or full (ssh and docker)")
        {
            DefaultValue = InitMinimal,
            EnvironmentVariables = ["CRABBOX_ISLO_INIT"],
            AllowedValues = [InitMinimal, InitFull],
        },
    ];
}
