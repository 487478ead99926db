namespace Crabbox.Core.Config;

/// <summary>
/// The provider-neutral configuration keys: their dotted paths, defaults and environment
/// variables. Providers declare their own sections; the CLI passes <see cref="All"/> plus
/// every provider's keys to <see cref="ConfigLoader"/>.
/// </summary>
public static class CoreConfigKeys
{
    public const string Provider = "provider";
    public const string SyncExclude = "sync.exclude";
    public const string SyncDelete = "sync.delete";
    public const string SyncWarnFiles = "sync.warnFiles";
    public const string SyncWarnBytes = "sync.warnBytes";
    public const string SyncFailFiles = "sync.failFiles";
    public const string SyncFailBytes = "sync.failBytes";
    public const string SyncAllowLarge = "sync.allowLarge";
    public const string SyncTimeout = "sync.timeout";
    public const string SyncCompressionLevel = "sync.compressionLevel";
    public const string EnvAllow = "env.allow";
    public const string IdleTimeout = "idleTimeout";
    public const string Ttl = "ttl";
    public const string Pond = "pond";
    public const string SshUser = "ssh.user";
    public const string SshKey = "ssh.key";
    public const string SshPort = "ssh.port";

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new(Provider, ConfigValueKind.Text, "Provider to use when --provider is not given")
        {
            EnvironmentVariables = ["CRABBOX_PROVIDER"],
        },
        new(SyncExclude, ConfigValueKind.StringList, "Extra exclude patterns for the sync manifest; appended across layers")
        {
            EnvironmentVariables = ["CRABBOX_SYNC_EXCLUDE"],
            AppendAcrossLayers = true,
        },
        new(SyncDelete, ConfigValueKind.Boolean, "Delete remote files that are gone locally")
        {
            DefaultValue = "true",
            EnvironmentVariables = ["CRABBOX_SYNC_DELETE"],
        },
        new(SyncWarnFiles, ConfigValueKind.Number, "File count at which a sync prints a warning")
        {
            DefaultValue = "50000",
            EnvironmentVariables = ["CRABBOX_SYNC_WARN_FILES"],
        },
        new(SyncWarnBytes, ConfigValueKind.ByteSize, "Sync size at which a sync prints a warning")
        {
            DefaultValue = "5GiB",
            EnvironmentVariables = ["CRABBOX_SYNC_WARN_BYTES"],
        },
        new(SyncFailFiles, ConfigValueKind.Number, "File count at which a sync is refused")
        {
            DefaultValue = "150000",
            EnvironmentVariables = ["CRABBOX_SYNC_FAIL_FILES"],
        },
        new(SyncFailBytes, ConfigValueKind.ByteSize, "Sync size at which a sync is refused")
        {
            DefaultValue = "20GiB",
            EnvironmentVariables = ["CRABBOX_SYNC_FAIL_BYTES"],
        },
        new(SyncAllowLarge, ConfigValueKind.Boolean, "Skip the large-sync refusal")
        {
            DefaultValue = "false",
            EnvironmentVariables = ["CRABBOX_SYNC_ALLOW_LARGE"],
        },
        new(SyncTimeout, ConfigValueKind.Duration, "Time limit for one sync")
        {
            DefaultValue = "15m",
            EnvironmentVariables = ["CRABBOX_SYNC_TIMEOUT"],
        },
        new(SyncCompressionLevel, ConfigValueKind.Number, "Gzip level of sync archives, 0 (store) to 9 (smallest)")
        {
            // Level 1 trades a slightly larger archive for much less CPU: the upload, not gzip, should be the bottleneck.
            DefaultValue = "1",
            EnvironmentVariables = ["CRABBOX_SYNC_COMPRESSION_LEVEL"],
            AllowedValues = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        },
        new(EnvAllow, ConfigValueKind.StringList, "Local environment variables forwarded to the remote command; the highest layer's list wins")
        {
            DefaultValue = "CI,NODE_OPTIONS",
            EnvironmentVariables = ["CRABBOX_ENV_ALLOW"],
            AppendAcrossLayers = false,
        },
        new(IdleTimeout, ConfigValueKind.Duration, "Idle time after which a kept sandbox is released")
        {
            DefaultValue = "30m",
            EnvironmentVariables = ["CRABBOX_IDLE_TIMEOUT"],
        },
        new(Ttl, ConfigValueKind.Duration, "Maximum lifetime of a sandbox")
        {
            DefaultValue = "90m",
            EnvironmentVariables = ["CRABBOX_TTL"],
        },
        new(Pond, ConfigValueKind.Text, "Pond (group) recorded on new leases and used to filter lists"),
        new(SshUser, ConfigValueKind.Text, "SSH login user")
        {
            DefaultValue = "crabbox",
            EnvironmentVariables = ["CRABBOX_SSH_USER"],
        },
        new(SshKey, ConfigValueKind.Text, "SSH private key file")
        {
            DefaultValue = "~/.ssh/id_ed25519",
            EnvironmentVariables = ["CRABBOX_SSH_KEY"],
        },
        new(SshPort, ConfigValueKind.Number, "SSH port")
        {
            DefaultValue = "2222",
            EnvironmentVariables = ["CRABBOX_SSH_PORT"],
        },
    ];
}
