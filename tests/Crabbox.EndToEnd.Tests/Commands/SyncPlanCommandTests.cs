using System.Text.Json;
using System.Text.RegularExpressions;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary>
/// The sync set of a synthetic checkout from <c>shared/bench/make-repo.py</c> (tracked, untracked,
/// ignored, modified and deleted files): what <c>sync-plan</c> reports and what a run ships.
/// </summary>
public sealed class SyncPlanCommandTests(BenchRepoFixture repo) : IClassFixture<BenchRepoFixture>
{
    [Fact]
    public async Task SyncPlan_Json_ReportsExactlyTheScriptsExpectedSyncFiles()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["sync-plan", "--json"]);

        CliAssert.ExitCode(0, result);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal(repo.ExpectedSyncFiles, document.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(repo.ExpectedSyncFiles, document.RootElement.GetProperty("candidate").GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task Run_BenchCheckout_SandboxReceivesExactlyTheSyncSet()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--", "sh", "-c", "find . ! -type d | wc -l"]);

        CliAssert.ExitCode(0, result);
        Assert.Equal(repo.ExpectedSyncFiles.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Output.Trim());
        Assert.Matches(new Regex($"^sync candidate: {repo.ExpectedSyncFiles} files, "), result.ErrorLines[0]);
    }
}
