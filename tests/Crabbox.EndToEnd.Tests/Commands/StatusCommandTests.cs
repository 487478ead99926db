using System.Text.Json;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox status</c>: one line, <c>--wait</c> until ready, and the <c>--json</c> document.</summary>
public sealed class StatusCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Status_WaitOnWarmSandbox_ReportsRunningAndReady()
    {
        using var home = new CrabboxHome();
        var lease = await CrabboxCli.WarmupAsync(home, repo.Root);

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["status", "--provider", CrabboxCli.Local, "--id", lease.Slug, "--wait", "--wait-timeout", "30s"]);

        CliAssert.ExitCode(0, result);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith($"{lease.LeaseId} slug={lease.Slug} provider=local target=linux windows_mode=- state=running ", line, StringComparison.Ordinal);
        Assert.Contains(" ready=true ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_DescribesTheSandbox()
    {
        using var home = new CrabboxHome();
        var lease = await CrabboxCli.WarmupAsync(home, repo.Root);

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["status", "--provider", CrabboxCli.Local, lease.LeaseId, "--json"]);

        CliAssert.ExitCode(0, result);
        using var document = JsonDocument.Parse(result.Output);
        var status = document.RootElement;
        Assert.Equal(lease.LeaseId, status.GetProperty("id").GetString());
        Assert.Equal(lease.Slug, status.GetProperty("slug").GetString());
        Assert.Equal("local", status.GetProperty("provider").GetString());
        Assert.Equal("linux", status.GetProperty("target").GetString());
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(lease.Sandbox, status.GetProperty("serverId").GetString());
        Assert.True(status.GetProperty("ready").GetBoolean());
        Assert.Equal(lease.LeaseId, status.GetProperty("labels").GetProperty("lease").GetString());
    }
}
