using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary>What happens to the sandbox a run creates: deleted by default, kept by <c>--keep</c>, kept on failure by <c>--keep-on-failure</c>.</summary>
public sealed class RunReleaseTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Run_Default_DeletesTheSandboxAndItsClaim()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--", "true"]);

        CliAssert.ExitCode(0, result);
        var lease = LeasedSandbox.Parse(result.Error);
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Empty(home.LocalSandboxNames());
        Assert.False(File.Exists(Path.Combine(home.ClaimsDirectory, lease.LeaseId + ".json")));
    }

    [Fact]
    public async Task Run_Keep_SandboxStaysListedUntilStopped()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--keep", "--", "true"]);

        CliAssert.ExitCode(0, result);
        var lease = LeasedSandbox.Parse(result.Error);
        var listed = Assert.Single(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Equal((lease.LeaseId, lease.Sandbox, "running"), (listed.Lease, listed.Name, listed.Status));
        Assert.Equal([lease.Sandbox], home.LocalSandboxNames());
        var stop = await CrabboxCli.RunAsync(home, repo.Root, ["stop", "--provider", CrabboxCli.Local, lease.Slug]);
        CliAssert.ExitCode(0, stop);
        Assert.Equal($"released lease={lease.LeaseId} sandbox={lease.Sandbox}", Assert.Single(stop.ErrorLines));
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Empty(home.LocalSandboxNames());
    }

    [Fact]
    public async Task Run_KeepOnFailureAndCommandFails_KeepsSandboxAndPrintsUsableHints()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--keep-on-failure", "--", "sh", "-c", "exit 3"]);

        CliAssert.ExitCode(3, result);
        var lease = LeasedSandbox.Parse(result.Error);
        var hints = result.ErrorLines.SkipWhile(line => !line.StartsWith("keep-on-failure:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"keep-on-failure: kept lease={lease.LeaseId} slug={lease.Slug} expires=idle/ttl idle_timeout=30m0s ttl=1h30m0s",
                $"rerun: crabbox run --provider local --id {lease.Slug} -- sh -c 'exit 3'",
                $"stop: crabbox stop --provider local {lease.Slug}",
                "crabbox: local run exited 3",
            ],
            hints);
        Assert.Equal(lease.LeaseId, Assert.Single(await CrabboxCli.ListAsync(home, repo.Root)).Lease);
        var stop = await CrabboxCli.RunAsync(home, repo.Root, hints[2]["stop: crabbox ".Length..].Split(' '));
        CliAssert.ExitCode(0, stop);
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
    }

    [Fact]
    public async Task Run_KeepOnFailureAndCommandSucceeds_DeletesTheSandbox()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--keep-on-failure", "--", "true"]);

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain(result.ErrorLines, line => line.StartsWith("keep-on-failure:", StringComparison.Ordinal));
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
        Assert.Empty(home.LocalSandboxNames());
    }
}
