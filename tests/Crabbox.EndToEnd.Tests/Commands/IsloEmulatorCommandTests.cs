using System.Text.RegularExpressions;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox islo-emulator</c> as its own process, used by another crabbox through <c>--provider islo</c>.</summary>
public sealed partial class IsloEmulatorCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_exitAfterInterrupt = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task IsloEmulator_Standalone_ServesIsloRunsAndStopsOnInterrupt()
    {
        using var home = new CrabboxHome();
        var state = Path.Combine(home.Scratch, "emulator");
        await using var emulator = CrabboxCli.Start(home, home.Scratch, ["islo-emulator", "--listen", "127.0.0.1:0", "--state", state]);
        await emulator.WaitForOutputAsync("export ISLO_API_KEY=", s_startTimeout);
        await emulator.WaitForOutputAsync("\n", s_startTimeout);
        var exports = ExportLines().Matches(emulator.OutputText).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value);
        Assert.Equal(["ISLO_API_KEY", "ISLO_BASE_URL"], exports.Keys.Order());
        Assert.Matches(new Regex(@"^http://127\.0\.0\.1:\d+$"), exports["ISLO_BASE_URL"]);

        var run = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", "islo", "--", "cat", SampleRepoFixture.HelloPath], exports);
        var list = await CrabboxCli.ListAsync(home, repo.Root, "islo", exports);
        emulator.Interrupt();
        var stopped = await emulator.WaitForExitAsync(s_exitAfterInterrupt);

        CliAssert.ExitCode(0, run);
        Assert.Equal(SampleRepoFixture.HelloContent, run.Output);
        Assert.Equal("islo", LeasedSandbox.Parse(run.Error).Provider);
        Assert.Empty(list);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(state, "sandboxes")));
        CliAssert.ExitCode(0, stopped);
        Assert.Equal(2, stopped.OutputLines.Count);
        Assert.Equal("islo emulator stopped", stopped.ErrorLines[^1]);
    }

    [GeneratedRegex(@"^export (?<name>ISLO_[A-Z_]+)=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ExportLines();
}
