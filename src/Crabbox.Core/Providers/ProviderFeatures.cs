namespace Crabbox.Core.Providers;

/// <summary>
/// Capabilities a provider advertises. Core uses them to reject options a provider cannot honor
/// before any provider work starts (see docs/cli.md, "Options a provider cannot honor").
/// </summary>
[Flags]
public enum ProviderFeatures
{
    None = 0,

    /// <summary><c>crabbox ssh</c> prints a login command.</summary>
    Ssh = 1 << 0,

    /// <summary>Core's own archive sync helper (<c>--sync-only</c>, <c>--force-sync-large</c>).</summary>
    ArchiveSync = 1 << 1,

    /// <summary><c>--artifact-glob</c>.</summary>
    RunArtifacts = 1 << 2,

    /// <summary><c>--download remote=local</c> and <c>--require-artifact</c>.</summary>
    RunDownloads = 1 << 3,

    /// <summary><c>--emit-proof</c>.</summary>
    RunProof = 1 << 4,

    /// <summary><c>crabbox pause</c> / <c>crabbox resume</c>.</summary>
    PauseResume = 1 << 5,

    /// <summary>Runs return a session handle (lease id, cleanup command).</summary>
    RunSession = 1 << 6,

    /// <summary>URL bridge: publish and list URLs for sandbox ports (<c>crabbox pond peers</c>, <see cref="IPeerBridgeBackend"/>).</summary>
    UrlBridge = 1 << 7,

    /// <summary><c>--full-resync</c>: wipe the remote workspace and upload everything for one run.</summary>
    FullResync = 1 << 8,
}
