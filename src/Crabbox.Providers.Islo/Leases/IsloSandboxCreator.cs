using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>
/// Creates a sandbox for a new lease (<c>POST /sandboxes</c>), allocates its slug and claims it for
/// the checkout. If the slug or claim cannot be written the sandbox is deleted again, so no
/// unclaimed sandbox is left behind silently.
/// </summary>
internal sealed class IsloSandboxCreator(IsloRuntime runtime, IsloSandboxReleaser releaser)
{
    /// <summary>The created lease and Islo's create response (its status saves a readiness poll).</summary>
    public async Task<(IsloLease Lease, IsloSandbox Sandbox)> CreateAsync(IsloCreateRequest request, CancellationToken cancellationToken)
    {
        // The workdir is applied per command, never sent; still refuse a bad one before creating anything.
        IsloWorkdir.Resolve(runtime.Settings.Workdir);
        var client = runtime.Client;
        var created = await client.CreateSandboxAsync(BuildRequest(IsloNames.NewSandboxName(request.Repo?.Name)), cancellationToken);
        if (string.IsNullOrWhiteSpace(created.Name))
        {
            throw new CrabboxException(ExitCodes.Readiness, "islo create sandbox returned no name");
        }

        // The lease id follows the name Islo answered with, not the one requested.
        var name = created.Name;
        var leaseId = IsloNames.LeaseId(name);
        try
        {
            var slug = await SlugAllocator.AllocateAsync(leaseId, request.Slug, runtime.Claims, cancellationToken);
            var claim = await runtime.ClaimService.ClaimForRepoAsync(
                new ClaimRequest
                {
                    LeaseId = leaseId,
                    Slug = slug,
                    Provider = runtime.ProviderName,
                    RepoRoot = request.Repo?.Root ?? string.Empty,
                    Reclaim = request.Reclaim,
                    Pond = request.Pond ?? runtime.Settings.Pond,
                    IdleTimeout = runtime.Settings.IdleTimeout,
                },
                cancellationToken);
            return (new IsloLease(leaseId, name, slug, Claimed: claim is not null), created);
        }
        catch (Exception ex) when (ex is CrabboxException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            var cleanupError = await releaser.TryDeleteAsync(name);
            if (cleanupError is null || ex is OperationCanceledException)
            {
                throw;
            }

            var provider = runtime.ProviderName;
            var quoted = ShellQuote.Quote(leaseId);
            throw new CrabboxException(
                (ex as CrabboxException)?.ExitCode ?? ExitCodes.Failure,
                $"{ex.Message}; cleanup failed for {provider} sandbox {name}: {cleanupError}; "
                + $"first run `crabbox run --provider {provider} --id {quoted} --reclaim --no-sync -- true`, "
                + $"then run `{IsloNames.CleanupCommand(provider, leaseId)}` to retry cleanup",
                ex);
        }
    }

    /// <summary>
    /// Only what should be sent: the name, <c>init</c>, and the image/sizing fields that were set
    /// explicitly (implicit defaults are left to Islo's tenant defaults).
    /// </summary>
    internal IsloCreateSandboxRequest BuildRequest(string name)
    {
        var settings = runtime.Settings;
        return new IsloCreateSandboxRequest
        {
            Name = name,
            Image = settings.Image,
            GatewayProfile = settings.GatewayProfile,
            SnapshotName = settings.SnapshotName,
            Vcpus = settings.Vcpus,
            MemoryMb = settings.MemoryMb,
            DiskGb = settings.DiskGb,
            Init = settings.Init == IsloConfigKeys.InitFull ? IsloSandboxInit.Full : IsloSandboxInit.Minimal,
        };
    }
}
