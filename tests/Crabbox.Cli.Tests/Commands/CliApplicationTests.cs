using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;

namespace Crabbox.Cli.Tests.Commands;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task Run_NoArguments_PrintsHelpAndExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Commands:", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("crabbox: missing command\n", result.Stderr);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsUsageWithHelpPointer()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("list", "--bogus");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--bogus", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("crabbox: run 'crabbox list --help' for usage\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "run", "warmup", "status", "list", "stop", "pause", "resume", "ssh", "sync-plan", "providers" })
        {
            Assert.Contains($"\n  {command}", result.Stdout.Replace("release, stop", "stop", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_Run_ShowsVisibleOptionsAndHidesCompatibilityOnes()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--help");

        Assert.Equal(0, result.ExitCode);
        string[] visible = ["--provider <name>", "--id <lease>", "--keep ", "--keep-on-failure", "--reclaim", "--no-sync", "--full-resync", "--shell", "--slug <slug>", "--timing-json", "--download <remote=local>", "--require-artifact <path>", "--wait-timeout <duration>", "--alpha-size <value>", "--beta-size <value>"];
        foreach (var option in visible)
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("--checksum", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--sync-only", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_LeaseCommands_ShowIdAndProviderFlags()
    {
        using var host = new CliTestHost();

        foreach (var command in new[] { "status", "stop", "pause", "resume", "ssh", "list", "warmup" })
        {
            var result = await host.RunAsync(command, "--help");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--provider <name>", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("--alpha-size <value>", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Providers_ListsNamesAndFeatures()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("providers");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "alpha    test provider alpha (features: ssh, run-downloads, pause-resume, url-bridge)\nbeta     test provider beta (features: )\n",
            result.Stdout);
    }
}
