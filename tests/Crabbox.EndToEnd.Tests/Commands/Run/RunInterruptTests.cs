using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary>Ctrl-C (SIGINT) during a run: crabbox deletes the sandbox it created and exits 130.</summary>
public sealed class RunInterruptTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    private static readonly TimeSpan s_markerTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_exitAfterInterrupt = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_InterruptedWhileCommandRuns_ExitsOneThirtyAndDeletesTheSandbox()
    {
        using var home = new CrabboxHome();
        await using var run = CrabboxCli.Start(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--", "sh", "-c", "echo crabbox-e2e-started; sleep 60"]);
        await run.WaitForOutputAsync("crabbox-e2e-started\n", s_markerTimeout);
        Assert.Single(home.LocalSandboxNames());

        run.Interrupt();
        var result = await run.WaitForExitAsync(s_exitAfterInterrupt);

        CliAssert.ExitCode(130, result);
        Assert.Equal("crabbox-e2e-started\n", result.Output);
        Assert.Empty(home.LocalSandboxNames());
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
    }
}
