using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloBackendTests
{
    [Fact]
    public async Task ResolveSshAsync_ClaimedRunningSandbox_IsloDefaults()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync(LeaseId, slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox(Name);

        var target = await harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = "web", Repo = harness.RepoInfo }, Token).WithTimeout();

        Assert.Equal("islo", target.User);
        Assert.Equal(Name + ".islo", target.Host);
        Assert.Equal(22, target.Port);
        Assert.Null(target.KeyPath);
        Assert.Equal(Path.Combine(harness.Paths.LeaseMaterialDirectory(LeaseId), "known_hosts"), target.KnownHostsFile);
        Assert.True(Directory.Exists(harness.Paths.LeaseMaterialDirectory(LeaseId)));
        Assert.Equal(["get"], harness.Client.Calls.Select(call => call.Method));
    }

    [Fact]
    public async Task ResolveSshAsync_ExplicitSshSettings_Honored()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_SSH_USER"] = "dev";
        harness.Variables["CRABBOX_SSH_PORT"] = "2200";
        harness.Variables["CRABBOX_SSH_KEY"] = "/keys/islo";
        await harness.SeedClaimAsync(LeaseId, slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox(Name);

        var target = await harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = "web", Repo = harness.RepoInfo }, Token).WithTimeout();

        Assert.Equal("dev", target.User);
        Assert.Equal(2200, target.Port);
        Assert.Equal("/keys/islo", target.KeyPath);
    }

    [Fact]
    public async Task ResolveSshAsync_PausedWithReclaim_AdoptsAndResumesOnce()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.AddSandbox(Name, "paused");

        await harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = Name, Repo = harness.RepoInfo, Reclaim = true }, Token).WithTimeout();

        Assert.Single(harness.Client.CallsTo("resume"));
        Assert.Equal(harness.RepoRoot, (await harness.ReadClaimAsync(LeaseId))!.RepoRoot);
    }

    [Fact]
    public async Task ResolveSshAsync_UnclaimedWithoutReclaim_RejectedBeforeResume()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.AddSandbox(Name, "paused");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = Name, Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Contains("--reclaim", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task ResolveSshAsync_ClaimedByAnotherCheckout_RejectedBeforeResume()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync(LeaseId, slug: "web", repoRoot: "/elsewhere");
        harness.Client.AddSandbox(Name, "paused");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = "web", Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("--reclaim", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Client.CallsTo("resume"));
    }

    [Fact]
    public async Task ResolveSshAsync_StartingSandbox_WaitsUntilRunning()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        await harness.SeedClaimAsync(LeaseId, slug: "web", repoRoot: harness.RepoRoot);
        harness.Client.AddSandbox(Name, "starting", "starting", "running");

        await harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = "web", Repo = harness.RepoInfo }, Token).WithTimeout();

        Assert.Equal(3, harness.Client.CallsTo("get").Count);
    }

    [Fact]
    public async Task ResolveSshAsync_OutsideCheckoutWithoutClaim_NeedsExactClaim()
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name);

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => harness.CreateBackend().ResolveSshAsync(new LeaseRequest { Id = Name }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.EndsWith("before SSH reuse", error.Message, StringComparison.Ordinal);
    }
}
