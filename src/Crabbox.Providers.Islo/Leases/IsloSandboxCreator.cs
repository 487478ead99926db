using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>
/// Creates a sandbox for a new lease (<c>POST /sandboxes</c>), allocates its slug and claims it for
/// the checkout. If the create may have reached Islo but failed, or the slug or claim cannot be
/// written, the sandbox is deleted again, so no unclaimed sandbox is left behind silently.
/// </summary>
internal sealed class IsloSandboxCreator(IsloRuntime runtime, IsloSandboxReleaser releaser)
{
    /// <summary>The created lease and Islo's create response (its status saves a readiness poll).</summary>
    public async Task<(IsloLease Lease, IsloSandbox Sandbox)> CreateAsync(IsloCreateRequest request, CancellationToken cancellationToken)
    {
        // The workdir is applied per command, never sent; still refuse a bad one before creating anything.
        IsloWorkdir.Resolve(runtime.Settings.Workdir);
        var client = runtime.Client;
        var requested = IsloNames.NewSandboxName(request.Repo?.Name);
        IsloSandbox created;
        try
        {
            created = await client.CreateSandboxAsync(BuildRequest(requested), cancellationToken);
        }
        catch (Exception ex) when (MayHaveCreated(ex))
        {
            await DeleteUnclaimedAsync(requested);
            throw;
        }

        if (string.IsNullOrWhiteSpace(created.Name))
        {
            // A success without a name most likely still made the sandbox under the requested one.
            await DeleteUnclaimedAsync(requested);
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
            if (cleanupError is null)
            {
                throw;
            }

            if (ex is OperationCanceledException)
            {
                // Cancellation keeps its exit code (130), so the orphan is reported beside it.
                await WarnUnclaimedAsync(name, cleanupError);
                throw;
            }

            var provider = runtime.ProviderName;
            throw new CrabboxException(
                (ex as CrabboxException)?.ExitCode ?? ExitCodes.Failure,
                $"{ex.Message}; cleanup failed for {provider} sandbox {name}: {cleanupError}; "
                + $"{IsloNames.AdoptThenStopHint(provider, leaseId)} to retry cleanup",
                ex);
        }
    }

    /// <summary>
    /// Whether a failed create may still have made the sandbox: cancelled or timed out in flight, a
    /// transport error, a 5xx/408/429 (an earlier attempt may have succeeded), or an unreadable
    /// success. A definite refusal (other 4xx, a 409 included: that name may be someone else's) made nothing.
    /// </summary>
    private static bool MayHaveCreated(Exception ex) => ex switch
    {
        OperationCanceledException => true,
        IsloApiException { StatusCode: null } => true,
        IsloApiException { StatusCode: { } status } => (int)status < 400 || IsloRetryPolicy.IsRetriable(status),
        _ => false,
    };

    /// <summary>Best-effort delete (own timeout, 404 counts as gone) of a sandbox no claim records yet.</summary>
    private async Task DeleteUnclaimedAsync(string name)
    {
        if (await releaser.TryDeleteAsync(name) is { } error)
        {
            await WarnUnclaimedAsync(name, error);
        }
    }

    /// <summary><c>warning: &lt;p&gt; stop failed for &lt;name&gt;: &lt;err&gt;</c> and how to adopt and stop the sandbox.</summary>
    private async Task WarnUnclaimedAsync(string name, string error)
    {
        await runtime.Error.WriteLineAsync($"warning: {runtime.ProviderName} stop failed for {name}: {error}");
        await runtime.Error.WriteLineAsync($"cleanup: {IsloNames.AdoptThenStopHint(runtime.ProviderName, IsloNames.LeaseId(name))}");
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
