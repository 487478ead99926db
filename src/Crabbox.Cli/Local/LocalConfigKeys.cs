using Crabbox.Core.Config;

namespace Crabbox.Cli.Local;

/// <summary>The <c>local.*</c> configuration section.</summary>
internal static class LocalConfigKeys
{
    public const string Isolation = "local.isolation";

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new(Isolation, ConfigValueKind.Text, "How local sandboxes are isolated: auto (bubblewrap when installed), bubblewrap (required) or host (no isolation)")
        {
            DefaultValue = "auto",
            EnvironmentVariables = ["CRABBOX_LOCAL_ISOLATION"],
            AllowedValues = ["auto", "bubblewrap", "host"],
        },
    ];
}
