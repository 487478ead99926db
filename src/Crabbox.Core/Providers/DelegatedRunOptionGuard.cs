namespace Crabbox.Core.Providers;

/// <summary>
/// Rejects <c>run</c> options a delegated provider cannot honor, before any provider work,
/// with the reference's messages and exit 2. The decision reads only the provider's features,
/// so a future provider that advertises a feature gets the option without changes here.
/// </summary>
public static class DelegatedRunOptionGuard
{
    /// <summary>Throws a usage error for the first unsupported option, in the reference's order.</summary>
    public static void Validate(ProviderSpec spec, RunOptionUsage usage)
    {
        var name = spec.Name;
        if (usage.Pool)
        {
            throw CrabboxException.Usage("--pool requires a brokered SSH lease provider");
        }

        if (usage.RequireArtifactSchema)
        {
            throw CrabboxException.Usage(
                $"--require-artifact-schema is not supported for provider={name} yet; use an SSH-backed provider");
        }

        var archiveSync = spec.Has(ProviderFeatures.ArchiveSync);
        Reject(usage.SyncOnly && !archiveSync, name, Sync, "--sync-only");
        Reject(usage.Checksum, name, Sync, "--checksum");
        Reject(usage.ForceSyncLarge && !archiveSync, name, Sync, "--force-sync-large");
        Reject(usage.FullResync && !spec.Has(ProviderFeatures.FullResync), name, Sync, "--full-resync");
        Reject(usage.EnvHelper, name, Execution, "--env-helper");
        Reject(usage.CaptureStdout, name, Execution, "--capture-stdout");
        Reject(usage.CaptureStderr, name, Execution, "--capture-stderr");
        Reject(usage.CaptureOnFail, name, Execution, "--capture-on-fail");
        Reject(usage.ArtifactGlob && !spec.Has(ProviderFeatures.RunArtifacts), name, Execution, "--artifact-glob");
        Reject(usage.Download && !spec.Has(ProviderFeatures.RunDownloads), name, Execution, "--download");
        Reject(
            usage.RequireArtifact && !spec.Has(ProviderFeatures.RunDownloads) && !spec.Has(ProviderFeatures.RunArtifacts),
            name,
            Execution,
            "--require-artifact");
        Reject(usage.EmitProof && !spec.Has(ProviderFeatures.RunProof), name, Execution, "--emit-proof");
        Reject(usage.StopAfter, name, Execution, "--stop-after");
        Reject(usage.Script, name, Execution, "--script");
        Reject(usage.FreshPr, name, Sync, "--fresh-pr");
    }

    private const string Sync = "sync";
    private const string Execution = "run execution";

    private static void Reject(bool rejected, string provider, string area, string flag)
    {
        if (rejected)
        {
            throw CrabboxException.Usage($"{provider} delegates {area}; {flag} is not supported");
        }
    }
}
