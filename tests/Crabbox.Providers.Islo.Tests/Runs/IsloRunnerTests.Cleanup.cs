using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed partial class IsloRunnerTests
{
    /// <summary>Ctrl-C during the command still deletes the sandbox, on a token the cancellation did not touch.</summary>
    [Fact]
    public async Task RunAsync_CancelledDuringCommand_DeletesOnFreshTokenThenRethrows()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var interrupt = new CancellationTokenSource();
        bool? deleteTokenCancelled = null;
        harness.Client.OnExec = async (_, request, _, _, token) =>
        {
            if (!ExecKind.IsWorkload(request))
            {
                return 0;
            }

            await interrupt.CancelAsync();
            token.ThrowIfCancellationRequested();
            return 0;
        };
        harness.Client.OnDelete = (_, token) =>
        {
            deleteTokenCancelled = token.IsCancellationRequested;
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.CreateBackend().RunAsync(Requests.Run(harness), interrupt.Token)).WithTimeout();

        Assert.False(deleteTokenCancelled);
        Assert.True(harness.Client.CallsTo("delete")[0].TokenCancelable);
        Assert.Null(await harness.ReadClaimAsync("isb_" + harness.Client.Calls[0].Sandbox));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaitingForRunning_DeletesSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var interrupt = new CancellationTokenSource();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["starting"];
        harness.Client.OnGet = _ =>
        {
            if (harness.Client.CallsTo("get").Count == 2)
            {
                interrupt.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.CreateBackend().RunAsync(Requests.Run(harness) with { WaitTimeout = TimeSpan.FromHours(1) }, interrupt.Token)).WithTimeout();

        Assert.Equal(2, harness.Client.CallsTo("get").Count);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Empty(harness.Client.Execs);
    }

    [Fact]
    public async Task RunAsync_DeleteFails_WarnsKeepsClaimAndKeepsExitCode()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(System.Net.HttpStatusCode.InternalServerError, null, "islo delete sandbox: 500 Internal Server Error");

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"warning: islo stop failed for {name}: islo delete sandbox: 500 Internal Server Error",
                $"cleanup: crabbox stop --provider islo 'isb_{name}'",
            ],
            harness.ErrorLines.TakeLast(2));
        Assert.NotNull(await harness.ReadClaimAsync("isb_" + name));
    }

    [Fact]
    public async Task RunAsync_DeleteHangs_BoundedByCleanupTimeout()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Time = TimeProvider.System;
        harness.Client.OnDelete = (_, token) => Task.Delay(Timeout.Infinite, token);

        var result = await harness.CreateBackend(new IsloTimeouts { Cleanup = TimeSpan.FromMilliseconds(200) }).RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"warning: islo stop failed for {harness.Client.Calls[0].Sandbox}: timed out after 200ms", harness.ErrorLines[^2]);
    }

    [Fact]
    public async Task RunAsync_SyncFails_SandboxStillDeleted()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnUpload = (_, _, _, _) => throw new IsloApiException(null, null, "islo upload archive: broken pipe");
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(request.Command[^1].Contains("tar -xzf", StringComparison.Ordinal) ? 2 : 0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness), Token).WithTimeout();

        Assert.Equal(2, result.ExitCode);
        Assert.NotNull(result.Session);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.DoesNotContain(harness.Client.Execs, ExecKind.IsWorkload);
    }
}
