using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo;

/// <summary>status, list, pause, resume and stop.</summary>
internal sealed partial class IsloBackend
{
    /// <summary>
    /// The sandbox's state; read-only, so no claim is needed. With <c>--wait</c> polls every 2 s until
    /// running (exit 5 for a terminal state or when <see cref="StatusRequest.WaitTimeout"/> passes).
    /// </summary>
    public async Task<StatusView> StatusAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lease = await _resolver.ResolveAsync(request.Id, repoRoot: null, reclaim: false, cancellationToken);
        var claim = await _resolver.ReadExactClaimAsync(lease.LeaseId, cancellationToken);
        var timeout = request.WaitTimeout > TimeSpan.Zero ? request.WaitTimeout : TimeSpan.FromMinutes(5);
        var started = _runtime.Time.GetTimestamp();
        while (true)
        {
            var sandbox = await _runtime.Client.GetSandboxAsync(lease.Name, cancellationToken);
            var view = IsloViews.Status(ProviderName, lease, sandbox, claim);
            if (!request.Wait || view.Ready)
            {
                return view;
            }

            if (IsloSandboxStatus.IsTerminal(sandbox.Status))
            {
                throw new CrabboxException(
                    ExitCodes.Readiness, $"sandbox {lease.Name} entered terminal state \"{sandbox.Status?.Trim()}\" before becoming ready");
            }

            var remaining = timeout - _runtime.Elapsed(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new CrabboxException(ExitCodes.Readiness, $"timed out waiting for sandbox {lease.Name} to become ready");
            }

            var poll = _runtime.Timeouts.StatusPoll;
            await Task.Delay(remaining < poll ? remaining : poll, _runtime.Time, cancellationToken);
        }
    }

    /// <summary>crabbox's sandboxes (canonical <c>crabbox-</c> names only), labelled from local claims.</summary>
    public async Task<IReadOnlyList<LeaseView>> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sandboxes = await _runtime.Client.ListSandboxesAsync(cancellationToken);
        var claims = new Dictionary<string, LeaseClaim>(StringComparer.Ordinal);
        foreach (var claim in await _runtime.Claims.ListAsync(cancellationToken))
        {
            if (_resolver.IsOurs(claim))
            {
                claims.TryAdd(claim.LeaseId, claim);
            }
        }

        var pond = Slugs.Normalize(request.Pond);
        var leases = new List<LeaseView>();
        foreach (var sandbox in sandboxes)
        {
            if (sandbox is null || !IsloNames.IsCanonical(sandbox.Name))
            {
                continue;
            }

            var view = IsloViews.List(ProviderName, sandbox, claims.GetValueOrDefault(IsloNames.LeaseId(sandbox.Name!)));
            if (pond.Length == 0 || string.Equals(view.Labels.GetValueOrDefault("pond"), pond, StringComparison.Ordinal))
            {
                leases.Add(view);
            }
        }

        return leases;
    }

    /// <summary>Pauses a claimed sandbox; the claim stays. stderr <c>paused lease=&lt;id&gt; sandbox=&lt;name&gt;</c>.</summary>
    public async Task PauseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        var lease = await ResolveClaimedAsync(request, "pause", cancellationToken);
        await _runtime.Client.PauseSandboxAsync(lease.Name, cancellationToken);
        await _runtime.Error.WriteLineAsync($"paused lease={lease.LeaseId} sandbox={lease.Name}");
    }

    /// <summary>Resumes a claimed sandbox without waiting for it. stderr <c>resumed lease=&lt;id&gt; sandbox=&lt;name&gt;</c>.</summary>
    public async Task ResumeAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        var lease = await ResolveClaimedAsync(request, "resume", cancellationToken);
        await _runtime.Client.ResumeSandboxAsync(lease.Name, cancellationToken);
        await _runtime.Error.WriteLineAsync($"resumed lease={lease.LeaseId} sandbox={lease.Name}");
    }

    /// <summary>Deletes a claimed sandbox (already gone counts as deleted) and removes its claim, SSH material and sync records.</summary>
    public async Task StopAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        var lease = await ResolveClaimedAsync(request, "stop", cancellationToken);
        await _runtime.Client.DeleteSandboxAsync(lease.Name, cancellationToken);
        await _runtime.ClaimService.RemoveAsync(lease.LeaseId, cancellationToken);
        await IsloSyncRecords.ForgetAsync(_runtime, lease.LeaseId);
        await _runtime.Error.WriteLineAsync($"released lease={lease.LeaseId} sandbox={lease.Name}");
    }

    private async Task<IsloLease> ResolveClaimedAsync(LeaseRequest request, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lease = await _resolver.ResolveAsync(request.Id, repoRoot: null, reclaim: false, cancellationToken);
        await _resolver.RequireExactClaimAsync(lease, action, cancellationToken);
        return lease;
    }
}
