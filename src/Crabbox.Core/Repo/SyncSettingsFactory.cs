using Crabbox.Core.Config;

namespace Crabbox.Core.Repo;

/// <summary>Reads <see cref="SyncSettings"/> from the merged configuration (the <c>sync.*</c> keys).</summary>
public static class SyncSettingsFactory
{
    public static SyncSettings FromConfiguration(ICrabboxConfiguration configuration) => new()
    {
        Excludes = configuration.GetList(CoreConfigKeys.SyncExclude),
        WarnFiles = configuration.GetInt64(CoreConfigKeys.SyncWarnFiles) ?? SyncSettings.DefaultWarnFiles,
        WarnBytes = configuration.GetByteSize(CoreConfigKeys.SyncWarnBytes) ?? SyncSettings.DefaultWarnBytes,
        FailFiles = configuration.GetInt64(CoreConfigKeys.SyncFailFiles) ?? SyncSettings.DefaultFailFiles,
        FailBytes = configuration.GetByteSize(CoreConfigKeys.SyncFailBytes) ?? SyncSettings.DefaultFailBytes,
        AllowLarge = configuration.GetBoolean(CoreConfigKeys.SyncAllowLarge) ?? false,
    };
}
