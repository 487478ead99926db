namespace Crabbox.Core.Providers;

/// <summary>
/// Which provider-sensitive <c>run</c> options the user gave, as the CLI parsed them. Feeds
/// <see cref="DelegatedRunOptionGuard"/>, which rejects what the selected provider cannot honor.
/// </summary>
public sealed record RunOptionUsage
{
    public bool Pool { get; init; }

    public bool RequireArtifactSchema { get; init; }

    public bool SyncOnly { get; init; }

    public bool Checksum { get; init; }

    public bool ForceSyncLarge { get; init; }

    public bool FullResync { get; init; }

    public bool EnvHelper { get; init; }

    public bool CaptureStdout { get; init; }

    public bool CaptureStderr { get; init; }

    public bool CaptureOnFail { get; init; }

    public bool ArtifactGlob { get; init; }

    public bool Download { get; init; }

    public bool RequireArtifact { get; init; }

    public bool EmitProof { get; init; }

    public bool StopAfter { get; init; }

    public bool Script { get; init; }

    public bool FreshPr { get; init; }
}
