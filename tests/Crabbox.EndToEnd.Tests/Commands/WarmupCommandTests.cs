using System.Text.RegularExpressions;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox warmup</c> creates a sandbox that later <c>run --id &lt;slug&gt;</c> calls reuse.</summary>
public sealed class WarmupCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Warmup_ThenRunWithId_SyncsFilesAndReusesTheSandbox()
    {
        using var home = new CrabboxHome();
        var warmup = await CrabboxCli.RunAsync(home, repo.Root, ["warmup", "--provider", CrabboxCli.Local]);
        CliAssert.ExitCode(0, warmup);
        var lease = LeasedSandbox.Parse(warmup.Output);
        Assert.Equal(("local", 2), (lease.Provider, warmup.OutputLines.Count));
        Assert.Matches(new Regex(@"^warmup complete total=\S+$"), warmup.OutputLines[1]);
        var firstScript =
            $"cat {SampleRepoFixture.HelloPath} && ./{SampleRepoFixture.ScriptPath} && test -f {SampleRepoFixture.UntrackedPath} "
            + $"&& test ! -e {SampleRepoFixture.IgnoredPath} && echo from-first-run > /tmp/crabbox-e2e-state";

        var first = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--id", lease.Slug, "--", "sh", "-c", firstScript]);
        var second = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--id", lease.Slug, "--", "cat", "/tmp/crabbox-e2e-state"]);

        CliAssert.ExitCode(0, first);
        Assert.Equal(SampleRepoFixture.HelloContent + SampleRepoFixture.ScriptOutput + "\n", first.Output);
        Assert.Contains($"provider=local lease={lease.LeaseId} sandbox={lease.Sandbox}", first.ErrorLines);
        Assert.Contains(first.ErrorLines, line => line.StartsWith("sync complete in ", StringComparison.Ordinal));
        Assert.DoesNotContain(first.ErrorLines, line => line.StartsWith("leased ", StringComparison.Ordinal));
        CliAssert.ExitCode(0, second);
        Assert.Equal("from-first-run\n", second.Output);
        Assert.Contains($"provider=local lease={lease.LeaseId} sandbox={lease.Sandbox}", second.ErrorLines);
        var listed = Assert.Single(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Equal((lease.LeaseId, "running"), (listed.Lease, listed.Status));
    }
}
