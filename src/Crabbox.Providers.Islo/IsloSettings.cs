using System.IO.Compression;
using Crabbox.Core.Config;
using Crabbox.Core.Repo;

namespace Crabbox.Providers.Islo;

/// <summary>
/// The configuration one backend works with, read once from the merged configuration. Create
/// fields are null unless they should be sent: an implicit default is left out so Islo applies
/// its tenant defaults, an explicit value (file, environment or flag) is sent even when it
/// equals the default.
/// </summary>
internal sealed record IsloSettings
{
    /// <summary>The raw <c>islo.workdir</c>; validated by <see cref="Sync.IsloWorkdir"/>.</summary>
    public string? Workdir { get; init; }

    public string? Image { get; init; }

    public string? GatewayProfile { get; init; }

    public string? SnapshotName { get; init; }

    public int? Vcpus { get; init; }

    public int? MemoryMb { get; init; }

    public int? DiskGb { get; init; }

    /// <summary><c>minimal</c> or <c>full</c>.</summary>
    public string Init { get; init; } = IsloConfigKeys.InitMinimal;

    public string? Pond { get; init; }

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan Ttl { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary><c>ssh.user</c> when set explicitly; null means the Islo default <c>islo</c>.</summary>
    public string? SshUser { get; init; }

    public int? SshPort { get; init; }

    public string? SshKey { get; init; }

    /// <summary><c>sync.delete</c>: wipe the workspace before each upload.</summary>
    public bool SyncDelete { get; init; } = true;

    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromMinutes(15);

    public CompressionLevel Compression { get; init; } = CompressionLevel.Fastest;

    public SyncSettings Sync { get; init; } = new();

    /// <param name="config">The merged configuration.</param>
    /// <param name="loopbackCompute">
    /// True when the compute plane is on this machine (the <c>local</c> provider, a standalone
    /// emulator): then gzip only costs CPU on both ends of a link faster than the compressor, so an
    /// unset <c>sync.compressionLevel</c> means store (0) rather than fastest (1).
    /// </param>
    public static IsloSettings FromConfiguration(ICrabboxConfiguration config, bool loopbackCompute = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new IsloSettings
        {
            Workdir = config.GetString(IsloConfigKeys.Workdir),
            Image = ExplicitText(config, IsloConfigKeys.Image),
            GatewayProfile = NonEmpty(config.GetString(IsloConfigKeys.GatewayProfile)),
            SnapshotName = NonEmpty(config.GetString(IsloConfigKeys.SnapshotName)),
            Vcpus = ExplicitPositive(config, IsloConfigKeys.Vcpus),
            MemoryMb = ExplicitPositive(config, IsloConfigKeys.MemoryMb),
            DiskGb = ExplicitPositive(config, IsloConfigKeys.DiskGb),
            Init = string.Equals(config.GetString(IsloConfigKeys.Init)?.Trim(), IsloConfigKeys.InitFull, StringComparison.OrdinalIgnoreCase)
                ? IsloConfigKeys.InitFull
                : IsloConfigKeys.InitMinimal,
            Pond = NonEmpty(config.GetString(CoreConfigKeys.Pond)),
            IdleTimeout = config.GetDuration(CoreConfigKeys.IdleTimeout) ?? TimeSpan.FromMinutes(30),
            Ttl = config.GetDuration(CoreConfigKeys.Ttl) ?? TimeSpan.FromMinutes(90),
            SshUser = config.IsExplicit(CoreConfigKeys.SshUser) ? NonEmpty(config.GetString(CoreConfigKeys.SshUser)) : null,
            SshPort = config.IsExplicit(CoreConfigKeys.SshPort) && config.GetInt64(CoreConfigKeys.SshPort) is > 0 and <= 65535 and var port
                ? (int)port
                : null,
            SshKey = config.IsExplicit(CoreConfigKeys.SshKey) ? NonEmpty(config.GetString(CoreConfigKeys.SshKey)) : null,
            SyncDelete = config.GetBoolean(CoreConfigKeys.SyncDelete) ?? true,
            SyncTimeout = config.GetDuration(CoreConfigKeys.SyncTimeout) ?? TimeSpan.FromMinutes(15),
            Compression = CompressionFor(loopbackCompute && !config.IsExplicit(CoreConfigKeys.SyncCompressionLevel)
                ? 0
                : config.GetInt64(CoreConfigKeys.SyncCompressionLevel) ?? 1),
            Sync = SyncSettingsFactory.FromConfiguration(config),
        };
    }

    /// <summary>
    /// Maps gzip's 0-9 scale onto the levels .NET offers: 0 stores, 1-3 is zlib level 1, 4-7
    /// level 6 and 8-9 level 9.
    /// </summary>
    internal static CompressionLevel CompressionFor(long level) => level switch
    {
        <= 0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 7 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };

    private static string? ExplicitText(ICrabboxConfiguration config, string key) =>
        config.IsExplicit(key) ? NonEmpty(config.GetString(key)) : null;

    private static int? ExplicitPositive(ICrabboxConfiguration config, string key) =>
        config.IsExplicit(key) && config.GetInt64(key) is > 0 and <= int.MaxValue and var value ? (int)value : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
