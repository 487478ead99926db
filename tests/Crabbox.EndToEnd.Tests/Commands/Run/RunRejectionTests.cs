using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary>Invocations crabbox refuses with a usage, sync or option error before any sandbox exists.</summary>
public sealed class RunRejectionTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Theory]
    [InlineData("--checksum", "crabbox: local delegates sync; --checksum is not supported")]
    [InlineData("--sync-only", "crabbox: local delegates sync; --sync-only is not supported")]
    [InlineData("--capture-stdout x", "crabbox: local delegates run execution; --capture-stdout is not supported")]
    [InlineData("--force-sync-large", "crabbox: local delegates sync; --force-sync-large is not supported")]
    [InlineData("--script x.sh", "crabbox: local delegates run execution; --script is not supported")]
    public async Task Run_OptionTheProviderRejects_ExitsTwoBeforeCreatingASandbox(string flag, string message)
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, .. flag.Split(' '), "--", "true"]);

        CliAssert.ExitCode(2, result);
        Assert.Equal(message + "\n", result.Error);
        Assert.Empty(result.StandardOutput);
        // The local provider starts its emulator (and creates this folder) only for real work.
        Assert.False(Directory.Exists(Path.Combine(home.StateHome, "crabbox", "local")), "the emulator was started");
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
    }

    [Fact]
    public async Task Run_IsloProviderWithRejectedOption_ExitsTwoWithoutCallingTheApi()
    {
        using var home = new CrabboxHome();
        // Nothing listens on port 9 (discard): any API call would fail with a connection error instead.
        var islo = new Dictionary<string, string> { ["ISLO_BASE_URL"] = "http://127.0.0.1:9", ["ISLO_API_KEY"] = "ak_unused" };

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", "islo", "--checksum", "--", "true"], islo);

        CliAssert.ExitCode(2, result);
        Assert.Equal("crabbox: islo delegates sync; --checksum is not supported\n", result.Error);
    }

    [Fact]
    public async Task Run_NoProviderSelected_ExitsTwoNamingTheWaysToChooseOne()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--", "true"]);

        CliAssert.ExitCode(2, result);
        Assert.Equal(
            "crabbox: no provider selected; use --provider <name>, set CRABBOX_PROVIDER, or set provider: in crabbox.yaml "
            + "(providers: islo, local; --provider local runs on this machine)\n",
            result.Error);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Run_OutsideAGitRepository_ExitsSix()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, home.Scratch, ["run", "--provider", CrabboxCli.Local, "--", "true"]);

        CliAssert.ExitCode(6, result);
        Assert.Equal(
            $"crabbox: {home.Scratch} is not a Git repository: crabbox builds its sync manifest from Git; run 'git init' here to sync files, or pass --no-sync\n",
            result.Error);
        Assert.Empty(home.LocalSandboxNames());
    }

    [Fact]
    public async Task Run_OutsideAGitRepositoryWithNoSync_RunsTheCommand()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, home.Scratch, ["run", "--provider", CrabboxCli.Local, "--no-sync", "--", "echo", "no repo needed"]);

        CliAssert.ExitCode(0, result);
        Assert.Equal("no repo needed\n", result.Output);
    }
}
