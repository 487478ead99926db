using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Leases;

public sealed class IsloSandboxWaiterTests
{
    private const string Name = "crabbox-repo-abcdef";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitUntilRunningAsync_StartingThenRunning_PollsEverySecond()
    {
        using var harness = new BackendHarness();
        var clock = (SteppingTimeProvider)harness.Time;
        harness.Client.AddSandbox(Name, "starting", "starting", "Running ");

        var sandbox = await new IsloSandboxWaiter(harness.Runtime()).WaitUntilRunningAsync(Name, TimeSpan.FromMinutes(5), null, Token).WithTimeout();

        Assert.Equal("Running ", sandbox.Status);
        Assert.Equal(3, harness.Client.CallsTo("get").Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], clock.Steps);
    }

    [Fact]
    public async Task WaitUntilRunningAsync_AlreadyRunning_NoPoll()
    {
        using var harness = new BackendHarness();

        await new IsloSandboxWaiter(harness.Runtime())
            .WaitUntilRunningAsync(Name, TimeSpan.FromMinutes(5), new IsloSandbox { Name = Name, Status = "running" }, Token).WithTimeout();

        Assert.Empty(harness.Client.Calls);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("stopped")]
    [InlineData(" STOPPING")]
    [InlineData("deleted")]
    public async Task WaitUntilRunningAsync_TerminalState_FailsAtOnce(string status)
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "starting", status);

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new IsloSandboxWaiter(harness.Runtime()).WaitUntilRunningAsync(Name, TimeSpan.FromMinutes(5), null, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"islo sandbox {Name} entered terminal state={status.Trim()}", error.Message);
    }

    [Fact]
    public async Task WaitUntilRunningAsync_NeverReady_TimesOutAfterTimeout()
    {
        using var harness = new BackendHarness();
        var clock = (SteppingTimeProvider)harness.Time;
        harness.Client.AddSandbox(Name, "starting");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new IsloSandboxWaiter(harness.Runtime()).WaitUntilRunningAsync(Name, TimeSpan.FromSeconds(5), null, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"timed out waiting for islo sandbox {Name} to become running", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step));
        Assert.Equal(6, harness.Client.CallsTo("get").Count);
    }

    [Fact]
    public async Task WaitUntilRunningAsync_Vanished_Identity()
    {
        using var harness = new BackendHarness();

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new IsloSandboxWaiter(harness.Runtime("local")).WaitUntilRunningAsync(Name, TimeSpan.FromSeconds(5), null, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"local sandbox {Name} not found", error.Message);
    }

    [Fact]
    public async Task EnsureReadyForLoginAsync_Paused_ResumesOnce()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "paused");

        await new IsloSandboxWaiter(harness.Runtime()).EnsureReadyForLoginAsync(Name, Token).WithTimeout();

        Assert.Equal(["get", "resume"], harness.Client.Calls.Select(call => call.Method));
    }

    [Fact]
    public async Task EnsureReadyForLoginAsync_ResumeAnswersStarting_PollsUntilRunning()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "paused");
        harness.Client.OnResume = sandbox => sandbox with { Status = "starting" };

        var waiting = new IsloSandboxWaiter(harness.Runtime()).EnsureReadyForLoginAsync(Name, Token);
        var error = await Assert.ThrowsAsync<CrabboxException>(() => waiting).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"timed out waiting for sandbox {Name} to resume", error.Message);
        Assert.Single(harness.Client.CallsTo("resume"));
    }

    [Fact]
    public async Task EnsureReadyForLoginAsync_ResumeThenFailed_ReportsStateWhileResuming()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "paused");
        harness.Client.OnResume = sandbox => sandbox with { Status = "failed" };

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new IsloSandboxWaiter(harness.Runtime()).EnsureReadyForLoginAsync(Name, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"sandbox {Name} entered failed while resuming", error.Message);
    }

    [Fact]
    public async Task EnsureReadyForLoginAsync_Starting_WaitsWithoutResume()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "starting", "starting", "running");

        await new IsloSandboxWaiter(harness.Runtime()).EnsureReadyForLoginAsync(Name, Token).WithTimeout();

        Assert.Equal(["get", "get", "get"], harness.Client.Calls.Select(call => call.Method));
    }

    [Fact]
    public async Task EnsureReadyForLoginAsync_Terminal_FailsWithoutResume()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "stopped");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new IsloSandboxWaiter(harness.Runtime()).EnsureReadyForLoginAsync(Name, Token)).WithTimeout();

        Assert.Equal($"islo sandbox {Name} entered terminal state=stopped", error.Message);
        Assert.Empty(harness.Client.CallsTo("resume"));
    }
}
