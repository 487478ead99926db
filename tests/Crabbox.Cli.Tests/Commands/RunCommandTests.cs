using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_WordsAfterFirstPositional_AreTheCommandVerbatim()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--keep", "pnpm", "test", "--watch", "--keep");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.Equal(["pnpm", "test", "--watch", "--keep"], request.Command);
        Assert.True(request.Keep);
        Assert.True(request.NoSync);
        Assert.StartsWith("run_", request.RunId, StringComparison.Ordinal);
        Assert.Equal(request.RunId, request.Environment["CRABBOX_RUN_ID"]);
    }

    [Fact]
    public async Task Run_DoubleSeparator_DropsOneLiteralSeparator()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider=alpha", "--no-sync", "--", "--", "echo", "hi");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["echo", "hi"], Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls)).Command);
    }

    [Fact]
    public async Task Run_ValueOptionBeforeCommand_DoesNotStartTheCommand()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--label", "nightly", "make");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.Equal("nightly", request.Label);
        Assert.Equal(["make"], request.Command);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("crabbox: usage: crabbox run [flags] -- <command...>", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, host.Alpha.BackendsCreated);
    }

    [Fact]
    public async Task Run_RemoteExitCode_IsPassedThrough()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.OnRun = (_, _) => Task.FromResult(new RunResult { ExitCode = 42, Message = "alpha run exited 42" });

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--", "false");

        Assert.Equal(42, result.ExitCode);
        Assert.Equal("crabbox: alpha run exited 42\n", result.Stderr);
    }

    [Theory]
    [InlineData("--checksum", "beta delegates sync; --checksum is not supported")]
    [InlineData("--sync-only", "beta delegates sync; --sync-only is not supported")]
    [InlineData("--full-resync", "beta delegates sync; --full-resync is not supported")]
    [InlineData("--capture-on-fail", "beta delegates run execution; --capture-on-fail is not supported")]
    [InlineData("--download=out.txt=local.txt", "beta delegates run execution; --download is not supported")]
    [InlineData("--require-artifact=report.xml", "beta delegates run execution; --require-artifact is not supported")]
    [InlineData("--stop-after=always", "beta delegates run execution; --stop-after is not supported")]
    [InlineData("--pool=ci", "--pool requires a brokered SSH lease provider")]
    public async Task Run_OptionProviderCannotHonor_RejectedBeforeBackendExists(string option, string message)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "beta", option, "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"crabbox: {message}\n", result.Stderr);
        Assert.Equal(0, host.Beta.BackendsCreated);
    }

    [Fact]
    public async Task Run_DownloadOnProviderWithFeature_IsParsedAndValidated()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--download", "out/./report.txt=r.txt", "--require-artifact", "a/b.xml", "--", "true");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls));
        Assert.Equal([new DownloadSpec("out/report.txt", "r.txt")], request.Downloads);
        Assert.Equal(["a/b.xml"], request.RequiredArtifacts);
    }

    [Theory]
    [InlineData("--download", "noequals", "--download expects remote=local")]
    [InlineData("--download", "/etc/passwd=x", "--download for delegated providers requires a safe relative file path: /etc/passwd")]
    [InlineData("--require-artifact", "../secret", "--require-artifact for delegated providers requires a safe relative file path: ../secret")]
    [InlineData("--require-artifact", ".git/config", "--require-artifact for delegated providers requires a safe relative file path: .git/config")]
    [InlineData("--require-artifact", "*.xml", "--require-artifact for delegated providers requires a safe relative file path: *.xml")]
    public async Task Run_UnsafeArtifactPath_ExitsUsage(string option, string value, string message)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", option, value, "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"crabbox: {message}\n", result.Stderr);
    }

    [Fact]
    public async Task Run_SlugWithId_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--id", "blue-crab", "--slug", "web", "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--slug only applies when creating a new lease", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FullResyncWithNoSync_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--full-resync", "--no-sync", "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: --full-resync cannot be combined with --no-sync\n", result.Stderr);
    }

    [Fact]
    public async Task Run_OutsideGitRepositoryWithoutNoSync_ExitsSync()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--", "true");

        Assert.Equal(ExitCodes.Sync, result.ExitCode);
        Assert.Contains("is not a Git repository", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(host.Alpha.Backend.Calls);
    }

    [Fact]
    public async Task Run_AllowEnv_ForwardsOnlyAllowedVariables()
    {
        using var host = new CliTestHost();
        host.Variables["CI"] = "true";
        host.Variables["MY_FLAG"] = "1";
        host.Variables["MY_TOKEN"] = "secret";
        host.Variables["UNRELATED"] = "x";

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--allow-env", "MY_*", "--", "env");

        Assert.Equal(0, result.ExitCode);
        var environment = Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls)).Environment;
        Assert.Equal("true", environment["CI"]);
        Assert.Equal("1", environment["MY_FLAG"]);
        Assert.False(environment.ContainsKey("MY_TOKEN"));
        Assert.False(environment.ContainsKey("UNRELATED"));
    }

    [Fact]
    public async Task Run_BackendThrowsCrabboxException_ExitsWithItsCode()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.OnRun = (_, _) => throw new CrabboxException(ExitCodes.Readiness, "sandbox never became ready");

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--", "true");

        Assert.Equal(ExitCodes.Readiness, result.ExitCode);
        Assert.Equal("crabbox: sandbox never became ready\n", result.Stderr);
    }

    [Fact]
    public async Task Run_UnexpectedException_ExitsOneWithHintAndStackOnlyWithDebug()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.OnRun = (_, _) => throw new InvalidOperationException("boom");

        var plain = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--", "true");
        var debug = await host.RunAsync("run", "--debug", "--provider", "alpha", "--no-sync", "--", "true");

        Assert.Equal(1, plain.ExitCode);
        Assert.Equal("crabbox: boom\ncrabbox: rerun with --debug for a stack trace\n", plain.Stderr);
        Assert.Equal(1, debug.ExitCode);
        Assert.Contains("System.InvalidOperationException: boom", debug.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cancelled_ExitsInterrupted()
    {
        using var host = new CliTestHost();
        using var cancellation = new CancellationTokenSource();
        host.Alpha.Backend.OnRun = async (_, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new RunResult { ExitCode = 0 };
        };

        var result = await host.RunCancellableAsync(["run", "--provider", "alpha", "--no-sync", "--", "sleep", "60"], cancellation.Token);

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal("crabbox: interrupted\n", result.Stderr);
    }

    [Fact]
    public async Task Run_DurationFlags_BecomeTheFlagLayerAndWaitTimeout()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--idle-timeout", "45m", "--wait-timeout", "90s", "--", "true");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<RunRequest>(Assert.Single(host.Alpha.Backend.Calls)).WaitTimeout);
        Assert.Equal(TimeSpan.FromMinutes(45), host.Alpha.LastContext!.Config.GetDuration("idleTimeout"));
    }

    [Fact]
    public async Task Run_BadDuration_ExitsUsageNamingTheFlag()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("run", "--provider", "alpha", "--ttl", "soon", "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("crabbox: invalid duration \"soon\" for --ttl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeepOnNewLease_PrintsHowToStopIt()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.OnRun = (_, _) => Task.FromResult(new RunResult
        {
            ExitCode = 0,
            Session = new RunSessionHandle { Provider = "alpha", LeaseId = "isb_crabbox-r-1", Slug = "blue-crab", Kept = true, CleanupCommand = "crabbox stop --provider alpha 'isb_crabbox-r-1'" },
        });

        var kept = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--keep", "--", "true");
        var released = await host.RunAsync("run", "--provider", "alpha", "--no-sync", "--", "true");

        Assert.Equal(0, kept.ExitCode);
        Assert.Equal("kept lease=isb_crabbox-r-1 slug=blue-crab; stop it with: crabbox stop --provider alpha 'isb_crabbox-r-1'\n", kept.Stderr);
        Assert.Equal(string.Empty, released.Stderr);
    }
}
