namespace Crabbox.Core.Repo;

/// <summary>
/// Sync inputs the CLI and providers fill from configuration: <c>sync.exclude</c>,
/// <c>sync.warnFiles</c>, <c>sync.warnBytes</c>, <c>sync.failFiles</c>, <c>sync.failBytes</c> and
/// <c>sync.allowLarge</c> (which <c>CRABBOX_SYNC_ALLOW_LARGE</c> and <c>--force-sync-large</c> also set).
/// A limit of zero or less disables that check.
/// </summary>
public sealed record SyncSettings
{
    public const long DefaultWarnFiles = 50_000;
    public const long DefaultWarnBytes = 5L * 1024 * 1024 * 1024;
    public const long DefaultFailFiles = 150_000;
    public const long DefaultFailBytes = 20L * 1024 * 1024 * 1024;

    /// <summary>Extra exclude patterns (gitignore syntax), applied after the built-ins.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    public long WarnFiles { get; init; } = DefaultWarnFiles;

    public long WarnBytes { get; init; } = DefaultWarnBytes;

    public long FailFiles { get; init; } = DefaultFailFiles;

    public long FailBytes { get; init; } = DefaultFailBytes;

    /// <summary>Skip the hard limits (warnings still print).</summary>
    public bool AllowLarge { get; init; }
}
