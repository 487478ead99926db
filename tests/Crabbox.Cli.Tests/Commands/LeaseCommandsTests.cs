using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Tests.Commands;

public sealed class LeaseCommandsTests
{
    [Theory]
    [InlineData("stop")]
    [InlineData("release")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task LeaseAction_PositionalId_ReachesTheBackend(string command)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync(command, "--provider", "alpha", "blue-crab");

        Assert.Equal(0, result.ExitCode);
        var (action, request) = Assert.IsType<(string, LeaseRequest)>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.Equal(command == "release" ? "stop" : command, action);
        Assert.Equal("blue-crab", request.Id);
    }

    [Fact]
    public async Task Stop_IdGivenTwice_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("stop", "--provider", "alpha", "--id", "a", "b");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("crabbox: usage: crabbox stop --id <lease>", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_Reclaim_IsUnsupported()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("stop", "--provider", "alpha", "--reclaim", "a");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: provider=alpha does not support stop --reclaim\n", result.Stderr);
    }

    [Fact]
    public async Task Pause_ProviderWithoutFeature_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pause", "--provider", "beta", "a");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: provider=beta does not support pause\n", result.Stderr);
    }

    [Fact]
    public async Task Status_MissingId_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("status", "--provider", "alpha");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("usage: crabbox status --id <lease>", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WaitAndJson_ParsedAndRenderedOnStdout()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("status", "--provider", "alpha", "--id", "blue-crab", "--wait", "--wait-timeout", "2m", "--json");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.IsType<StatusRequest>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.True(request.Wait);
        Assert.Equal(TimeSpan.FromMinutes(2), request.WaitTimeout);
        Assert.StartsWith("{\"id\":\"blue-crab\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"ready\":true", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_IsAnArrayOnStdout()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases =
        [
            new LeaseView { Provider = "alpha", Name = "crabbox-repo-abc123", Status = "running", CloudId = "id-1" },
        ];

        var result = await host.RunAsync("list", "--provider", "alpha", "--json", "--pond", "Team A");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("[{\"CloudID\":\"id-1\",\"Provider\":\"alpha\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("team-a", Assert.IsType<ListRequest>(Assert.Single(host.Alpha.Backend.Calls)).Pond);
    }

    [Fact]
    public async Task Ssh_PrintsOneSshLine()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("ssh", "--provider", "alpha", "blue-crab");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ssh ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(" islo@box.islo\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warmup_DefaultsKeepTrueAndValidatesSlug()
    {
        using var host = new CliTestHost();

        var ok = await host.RunAsync("warmup", "--provider", "alpha", "--slug", "My Web!");
        var bad = await host.RunAsync("warmup", "--provider", "alpha", "--slug", "!!!");

        Assert.Equal(0, ok.ExitCode);
        var request = Assert.IsType<WarmupRequest>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.True(request.Keep);
        Assert.Equal("my-web", request.Slug);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Equal("crabbox: --slug must contain at least one letter or digit\n", bad.Stderr);
    }
}
