using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox stop</c>: deletes claimed sandboxes, refuses anything else with exit 4.</summary>
public sealed class StopCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Stop_ClaimedSandbox_DeletesItAndItsClaim()
    {
        using var home = new CrabboxHome();
        var lease = await CrabboxCli.WarmupAsync(home, repo.Root);

        var stop = await CrabboxCli.RunAsync(home, repo.Root, ["stop", "--provider", CrabboxCli.Local, lease.Slug]);
        var again = await CrabboxCli.RunAsync(home, repo.Root, ["stop", "--provider", CrabboxCli.Local, lease.LeaseId]);

        CliAssert.ExitCode(0, stop);
        Assert.Equal($"released lease={lease.LeaseId} sandbox={lease.Sandbox}", Assert.Single(stop.ErrorLines));
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Empty(home.LocalSandboxNames());
        Assert.False(File.Exists(Path.Combine(home.ClaimsDirectory, lease.LeaseId + ".json")));
        CliAssert.ExitCode(4, again);
        Assert.Equal(
            $"crabbox: local lease \"{lease.LeaseId}\" has no exact local claim; adopt it with an explicit --reclaim reuse before stop\n",
            again.Error);
    }

    [Theory]
    [InlineData("isb_crabbox-sample-000000", "crabbox: local lease \"isb_crabbox-sample-000000\" has no exact local claim; adopt it with an explicit --reclaim reuse before stop")]
    [InlineData("production", "crabbox: local sandbox \"production\" is not claimed by Crabbox; use a Crabbox slug or isb_<crabbox-sandbox-name>")]
    public async Task Stop_UnknownOrUnclaimedId_ExitsFourWithTheReason(string id, string message)
    {
        using var home = new CrabboxHome();
        var kept = await CrabboxCli.WarmupAsync(home, repo.Root);

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["stop", "--provider", CrabboxCli.Local, id]);

        CliAssert.ExitCode(4, result);
        Assert.Equal(message + "\n", result.Error);
        Assert.Equal(kept.LeaseId, Assert.Single(await CrabboxCli.ListAsync(home, repo.Root)).Lease);
    }
}
