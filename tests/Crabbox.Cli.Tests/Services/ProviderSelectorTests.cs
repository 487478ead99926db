using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Tests.Services;

public sealed class ProviderSelectorTests
{
    [Fact]
    public async Task Select_NothingConfigured_ExitsUsageSayingHowToPick()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            "crabbox: no provider selected; use --provider <name>, set CRABBOX_PROVIDER, or set provider: in crabbox.yaml "
            + "(providers: alpha, beta; --provider local runs on this machine)\n",
            result.Stderr);
    }

    [Fact]
    public async Task Select_UnknownFromEnvironment_NamesTheVariable()
    {
        using var host = new CliTestHost();
        host.Variables["CRABBOX_PROVIDER"] = "gamma";

        var result = await host.RunAsync("list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: unknown provider \"gamma\" from environment variable CRABBOX_PROVIDER; known providers: alpha, beta\n", result.Stderr);
    }

    [Fact]
    public async Task Select_Precedence_FlagOverEnvironmentOverRepoOverUser()
    {
        using var host = new CliTestHost();
        Directory.CreateDirectory(Path.GetDirectoryName(host.UserConfigFile)!);
        await File.WriteAllTextAsync(host.UserConfigFile, "provider: beta\n", TestContext.Current.CancellationToken);

        var chosen = new List<string>();
        async Task ListAsync(params string[] extra)
        {
            var (alpha, beta) = (host.Alpha.BackendsCreated, host.Beta.BackendsCreated);
            var result = await host.RunAsync(["list", .. extra]);
            Assert.Equal(0, result.ExitCode);
            chosen.Add(host.Alpha.BackendsCreated > alpha ? "alpha" : host.Beta.BackendsCreated > beta ? "beta" : "none");
        }

        await ListAsync();
        await File.WriteAllTextAsync(Path.Combine(host.WorkingDirectory, "crabbox.yaml"), "provider: alpha\n", TestContext.Current.CancellationToken);
        await ListAsync();
        host.Variables["CRABBOX_PROVIDER"] = "beta";
        await ListAsync();
        await ListAsync("--provider", "alpha");

        Assert.Equal(["beta", "alpha", "beta", "alpha"], chosen);
    }

    [Fact]
    public async Task Select_LeaseWithLocalClaim_RoutesToTheClaimsProvider()
    {
        using var host = new CliTestHost();
        host.Variables["CRABBOX_PROVIDER"] = "beta";
        var claims = new ClaimStore(new CrabboxPaths(new EnvironmentVariables(host.Variables)), TimeProvider.System);
        await claims.UpdateAsync(
            "isb_crabbox-repo-abc123",
            _ => new LeaseClaim { LeaseId = "isb_crabbox-repo-abc123", Slug = "blue-crab", Provider = "alpha", RepoRoot = "/r" },
            TestContext.Current.CancellationToken);

        var result = await host.RunAsync("stop", "blue-crab");

        Assert.Equal(0, result.ExitCode);
        var (action, request) = Assert.IsType<(string, LeaseRequest)>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.Equal(("stop", "blue-crab"), (action, request.Id));
        Assert.Equal(0, host.Beta.BackendsCreated);
    }

    [Fact]
    public async Task Select_ExplicitFlag_WinsOverClaimRouting()
    {
        using var host = new CliTestHost();
        var claims = new ClaimStore(new CrabboxPaths(new EnvironmentVariables(host.Variables)), TimeProvider.System);
        await claims.UpdateAsync(
            "isb_crabbox-repo-abc123",
            _ => new LeaseClaim { LeaseId = "isb_crabbox-repo-abc123", Slug = "blue-crab", Provider = "alpha", RepoRoot = "/r" },
            TestContext.Current.CancellationToken);

        var result = await host.RunAsync("status", "--provider", "beta", "blue-crab");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(host.Beta.Backend.Calls);
        Assert.Empty(host.Alpha.Backend.Calls);
    }

    [Fact]
    public async Task Select_ProviderFlagValue_ReachesTheProvidersConfiguration()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("list", "--provider", "alpha", "--alpha-size", "7");
        var bad = await host.RunAsync("list", "--provider", "alpha", "--alpha-size", "seven");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(7, host.Alpha.LastContext!.Config.GetInt64("alpha.size"));
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("alpha.size", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("flag --alpha-size", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderFlag_FollowedByPositional_TakesOneValue()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("status", "--provider", "alpha", "--alpha-size", "7", "blue-crab");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("blue-crab", Assert.IsType<Crabbox.Core.Runs.StatusRequest>(Assert.Single(host.Alpha.Backend.Calls)).Id);
    }
}
