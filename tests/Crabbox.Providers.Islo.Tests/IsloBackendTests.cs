using System.Text.Json;
using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloBackendTests
{
    private const string Name = "crabbox-repo-abcdef";
    private const string LeaseId = "isb_crabbox-repo-abcdef";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WarmupAsync_NewLease_PrintsLeasedAndCompleteOnStdout()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["starting", "running"];

        await harness.CreateBackend().WarmupAsync(Requests.Warmup(harness) with { Slug = "web" }, Token).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal($"leased isb_{name} slug=web provider=islo sandbox={name}\nwarmup complete total=2s\n", harness.Out);
        Assert.Equal("", harness.Error);
        Assert.Equal(["create", "get", "get"], harness.Client.Calls.Select(call => call.Method));
        var claim = await harness.ReadClaimAsync("isb_" + name);
        Assert.Equal("web", claim!.Slug);
        Assert.Equal(harness.RepoRoot, claim.RepoRoot);
    }

    [Fact]
    public async Task WarmupAsync_KeepFalse_WarnsAndKeepsAnyway()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        await harness.CreateBackend().WarmupAsync(Requests.Warmup(harness) with { Keep = false }, Token).WithTimeout();

        Assert.Equal("warning: islo warmup keeps the sandbox until explicit stop\n", harness.Error);
        Assert.Empty(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task WarmupAsync_TimingJson_OneStderrLine()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        await harness.CreateBackend().WarmupAsync(Requests.Warmup(harness) with { TimingJson = true }, Token).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines.Single());
        var root = timing.RootElement;
        Assert.Equal("islo", root.GetProperty("provider").GetString());
        Assert.StartsWith("isb_crabbox-repo-", root.GetProperty("leaseId").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("syncMs").GetInt64());
        Assert.False(root.GetProperty("syncSkipped").GetBoolean());
        Assert.Equal(0, root.GetProperty("commandMs").GetInt64());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("succeeded", root.GetProperty("runStatus").GetString());
    }

    [Fact]
    public async Task WarmupAsync_SandboxFails_DeletesAndRemovesClaim()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["failed"];

        var error = await Assert.ThrowsAsync<CrabboxException>(() => harness.CreateBackend().WarmupAsync(Requests.Warmup(harness), Token)).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"islo sandbox {name} entered terminal state=failed", error.Message);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Null(await harness.ReadClaimAsync("isb_" + name));
        Assert.DoesNotContain("warmup complete", harness.Out, StringComparison.Ordinal);
    }

    /// <summary>stdout closed under crabbox (say a pipe whose reader quit): the sandbox is already created, so it must be deleted.</summary>
    [Fact]
    public async Task WarmupAsync_LeasedLineWriteFails_DeletesAndRemovesClaim()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Console.StandardOutput.Dispose();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => harness.CreateBackend().WarmupAsync(Requests.Warmup(harness), Token)).WithTimeout();

        var name = harness.Client.Calls[0].Sandbox;
        Assert.Equal(name, Assert.Single(harness.Client.CallsTo("delete")).Sandbox);
        Assert.Null(await harness.ReadClaimAsync("isb_" + name));
    }

    [Fact]
    public async Task WarmupAsync_TimesOut_Exit5AndDeletes()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.CreateStatus = "starting";
        harness.Client.StatusesAfterCreate = ["starting"];

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().WarmupAsync(Requests.Warmup(harness) with { WaitTimeout = TimeSpan.FromSeconds(2) }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.StartsWith("timed out waiting for islo sandbox crabbox-repo-", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task StatusAsync_CanonicalNameWithoutClaim_ReadOnlyView()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "running");

        var view = await harness.CreateBackend().StatusAsync(new StatusRequest { Id = Name }, Token).WithTimeout();

        Assert.Equal(LeaseId, view.Id);
        Assert.Equal("silver-lobster", view.Slug);
        Assert.Equal("running", view.State);
        Assert.True(view.Ready);
        Assert.Equal("img:" + Name, view.ServerType);
        Assert.Null(await harness.ReadClaimAsync(LeaseId));
    }

    [Fact]
    public async Task StatusAsync_Wait_PollsEveryTwoSecondsUntilRunning()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "starting", "starting", "running");
        await harness.SeedClaimAsync(LeaseId, slug: "web", pond: "blue");

        var view = await harness.CreateBackend().StatusAsync(new StatusRequest { Id = "web", Wait = true }, Token).WithTimeout();

        Assert.True(view.Ready);
        Assert.Equal("web", view.Slug);
        Assert.Equal("blue", view.Labels!["pond"]);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], ((SteppingTimeProvider)harness.Time).Steps);
    }

    [Fact]
    public async Task StatusAsync_WaitOnTerminal_Exit5()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "starting", "failed");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().StatusAsync(new StatusRequest { Id = Name, Wait = true }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"sandbox {Name} entered terminal state \"failed\" before becoming ready", error.Message);
    }

    [Fact]
    public async Task StatusAsync_WaitPastTimeout_Exit5()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "paused");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().StatusAsync(new StatusRequest { Id = Name, Wait = true, WaitTimeout = TimeSpan.FromSeconds(5) }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal($"timed out waiting for sandbox {Name} to become ready", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), ((SteppingTimeProvider)harness.Time).Steps.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Fact]
    public async Task StatusAsync_WithoutWait_ReturnsNotReadyAtOnce()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name, "starting");

        var view = await harness.CreateBackend().StatusAsync(new StatusRequest { Id = Name }, Token).WithTimeout();

        Assert.False(view.Ready);
        Assert.Single(harness.Client.CallsTo("get"));
    }

    [Fact]
    public async Task StatusAsync_MissingSandbox_NotFound()
    {
        using var harness = new BackendHarness();

        var error = await Assert.ThrowsAsync<IsloNotFoundException>(
            () => harness.CreateBackend().StatusAsync(new StatusRequest { Id = Name }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.StartsWith("islo get sandbox: 404", error.Message, StringComparison.Ordinal);
    }
}
