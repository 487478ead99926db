using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>
/// Waits for a sandbox to be <c>running</c> by polling <c>GET /sandboxes/{name}</c>. Islo may
/// answer a create before the VM boots, so nothing is synced or run until the sandbox is ready;
/// a terminal state fails at once (exit 5) instead of waiting out the deadline.
/// </summary>
internal sealed class IsloSandboxWaiter(IsloRuntime runtime)
{
    private string Provider => runtime.ProviderName;

    /// <summary>
    /// Returns once <paramref name="name"/> is running. <paramref name="current"/> (e.g. the create
    /// response) saves the first poll when it is already running. Exit 5 for a terminal state or
    /// when <paramref name="timeout"/> passes; exit 4 when the sandbox disappears.
    /// </summary>
    public async Task<IsloSandbox> WaitUntilRunningAsync(string name, TimeSpan timeout, IsloSandbox? current, CancellationToken cancellationToken)
    {
        var started = runtime.Time.GetTimestamp();
        var sandbox = current;
        while (true)
        {
            sandbox ??= await GetOrNullAsync(name, cancellationToken) ?? throw NotFound(name);
            if (IsloSandboxStatus.IsReady(sandbox.Status))
            {
                return sandbox;
            }

            if (IsloSandboxStatus.IsTerminal(sandbox.Status))
            {
                throw TerminalState(name, sandbox.Status);
            }

            await DelayOrTimeoutAsync(started, timeout, runtime.Timeouts.ReadyPoll, $"timed out waiting for {Provider} sandbox {name} to become running", cancellationToken);
            sandbox = null;
        }
    }

    /// <summary>
    /// <c>crabbox ssh</c>'s readiness: running is fine, paused is resumed, starting is waited for
    /// (each bounded by <see cref="IsloTimeouts.SshReady"/>), terminal or missing fails.
    /// </summary>
    public async Task EnsureReadyForLoginAsync(string name, CancellationToken cancellationToken)
    {
        var sandbox = await GetOrNullAsync(name, cancellationToken) ?? throw NotFound(name);
        if (IsloSandboxStatus.IsReady(sandbox.Status))
        {
            return;
        }

        if (IsloSandboxStatus.IsTerminal(sandbox.Status))
        {
            throw TerminalState(name, sandbox.Status);
        }

        if (string.Equals(sandbox.Status?.Trim(), IsloSandboxStatus.Paused, StringComparison.OrdinalIgnoreCase))
        {
            await ResumeAsync(name, cancellationToken);
            return;
        }

        await WaitUntilRunningAsync(name, runtime.Timeouts.SshReady, current: null, cancellationToken);
    }

    private async Task ResumeAsync(string name, CancellationToken cancellationToken)
    {
        var resumed = await runtime.Client.ResumeSandboxAsync(name, cancellationToken);
        var started = runtime.Time.GetTimestamp();
        while (!IsloSandboxStatus.IsReady(resumed?.Status))
        {
            if (resumed is null || IsloSandboxStatus.IsTerminal(resumed.Status))
            {
                var state = resumed is null ? "missing" : Shown(resumed.Status);
                throw new CrabboxException(ExitCodes.Readiness, $"sandbox {name} entered {state} while resuming");
            }

            await DelayOrTimeoutAsync(started, runtime.Timeouts.SshReady, runtime.Timeouts.ReadyPoll, $"timed out waiting for sandbox {name} to resume", cancellationToken);
            resumed = await GetOrNullAsync(name, cancellationToken);
        }
    }

    /// <summary>Sleeps one poll interval, or fails with exit 5 once <paramref name="timeout"/> has passed since <paramref name="started"/>.</summary>
    private async Task DelayOrTimeoutAsync(long started, TimeSpan timeout, TimeSpan interval, string timeoutMessage, CancellationToken cancellationToken)
    {
        var remaining = timeout - runtime.Elapsed(started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new CrabboxException(ExitCodes.Readiness, timeoutMessage);
        }

        await Task.Delay(remaining < interval ? remaining : interval, runtime.Time, cancellationToken);
    }

    private async Task<IsloSandbox?> GetOrNullAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.Client.GetSandboxAsync(name, cancellationToken);
        }
        catch (IsloNotFoundException)
        {
            return null;
        }
    }

    private CrabboxException NotFound(string name) => new(ExitCodes.Identity, $"{Provider} sandbox {name} not found");

    private CrabboxException TerminalState(string name, string? status) =>
        new(ExitCodes.Readiness, $"{Provider} sandbox {name} entered terminal state={Shown(status)}");

    private static string Shown(string? status) => string.IsNullOrWhiteSpace(status) ? "unknown" : status.Trim();
}
