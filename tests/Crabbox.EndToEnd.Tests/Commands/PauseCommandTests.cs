using System.Text.Json;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox pause</c> and <c>crabbox resume</c>, as <c>status</c> sees them.</summary>
public sealed class PauseCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Pause_ThenResume_StatusFollowsEachState()
    {
        using var home = new CrabboxHome();
        var lease = await CrabboxCli.WarmupAsync(home, repo.Root);

        var pause = await CrabboxCli.RunAsync(home, repo.Root, ["pause", "--provider", CrabboxCli.Local, lease.Slug]);
        var paused = await StatusAsync(home, lease);
        var resume = await CrabboxCli.RunAsync(home, repo.Root, ["resume", "--provider", CrabboxCli.Local, lease.Slug]);
        var wait = await CrabboxCli.RunAsync(home, repo.Root, ["status", "--provider", CrabboxCli.Local, lease.Slug, "--wait", "--wait-timeout", "30s"]);
        var resumed = await StatusAsync(home, lease);

        CliAssert.ExitCode(0, pause);
        Assert.Equal($"paused lease={lease.LeaseId} sandbox={lease.Sandbox}", Assert.Single(pause.ErrorLines));
        Assert.Equal(("paused", false), paused);
        CliAssert.ExitCode(0, resume);
        Assert.Equal($"resumed lease={lease.LeaseId} sandbox={lease.Sandbox}", Assert.Single(resume.ErrorLines));
        CliAssert.ExitCode(0, wait);
        Assert.Equal(("running", true), resumed);
    }

    private async Task<(string? State, bool Ready)> StatusAsync(CrabboxHome home, LeasedSandbox lease)
    {
        var result = await CrabboxCli.RunAsync(home, repo.Root, ["status", "--provider", CrabboxCli.Local, lease.Slug, "--json"]);
        CliAssert.ExitCode(0, result);
        using var document = JsonDocument.Parse(result.Output);
        return (document.RootElement.GetProperty("state").GetString(), document.RootElement.GetProperty("ready").GetBoolean());
    }
}
