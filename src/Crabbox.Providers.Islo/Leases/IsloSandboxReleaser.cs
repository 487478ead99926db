using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>
/// Deletes sandboxes crabbox created, on a fresh timeout (<see cref="IsloTimeouts.Cleanup"/>) that
/// ignores the caller's cancellation, so a Ctrl-C still cleans up. A failed delete keeps the
/// claim and tells the user how to retry.
/// </summary>
internal sealed class IsloSandboxReleaser(IsloRuntime runtime)
{
    /// <summary>Deletes the sandbox; null on success, else the one-line reason (nothing printed).</summary>
    public async Task<string?> TryDeleteAsync(string name)
    {
        using var timeout = new CancellationTokenSource(runtime.Timeouts.Cleanup, runtime.Time);
        try
        {
            await runtime.Client.DeleteSandboxAsync(name, timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"timed out after {GoDuration.Format(runtime.Timeouts.Cleanup)}";
        }
        catch (Exception ex) when (ex is CrabboxException or HttpRequestException or IOException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Deletes the lease's sandbox and removes its claim and sync records. On failure prints
    /// <c>warning: &lt;p&gt; stop failed for &lt;name&gt;: &lt;err&gt;</c> and the cleanup command, and keeps the claim.
    /// Returns the failure reason, or null when the sandbox is gone.
    /// </summary>
    public async Task<string?> ReleaseAsync(IsloLease lease)
    {
        var error = await TryDeleteAsync(lease.Name);
        if (error is not null)
        {
            await runtime.Error.WriteLineAsync($"warning: {runtime.ProviderName} stop failed for {lease.Name}: {error}");
            await runtime.Error.WriteLineAsync($"cleanup: {IsloNames.CleanupCommand(runtime.ProviderName, lease.LeaseId)}");
            return error;
        }

        using var timeout = new CancellationTokenSource(runtime.Timeouts.Cleanup, runtime.Time);
        try
        {
            await runtime.ClaimService.RemoveAsync(lease.LeaseId, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException or CrabboxException)
        {
            // The sandbox is gone; a stale claim only misleads `crabbox list`, so warn and carry on.
            await runtime.Error.WriteLineAsync($"warning: remove claim {lease.LeaseId}: {ex.Message}");
        }

        await IsloSyncRecords.ForgetAsync(runtime, lease.LeaseId);
        return null;
    }
}
