using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox list --json</c>: the Go crabbox's server-array document.</summary>
public sealed class ListCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task List_NoSandboxes_PrintsAnEmptyArray()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["list", "--provider", CrabboxCli.Local, "--json"]);

        CliAssert.ExitCode(0, result);
        Assert.Equal("[]", result.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task List_Json_DescribesEachWarmSandbox()
    {
        using var home = new CrabboxHome();
        var first = await CrabboxCli.WarmupAsync(home, repo.Root);
        var second = await CrabboxCli.WarmupAsync(home, repo.Root);

        var listed = await CrabboxCli.ListAsync(home, repo.Root);

        Assert.Equal(
            new[] { first, second }.Select(lease => (lease.Sandbox, lease.LeaseId, lease.Slug)).Order(),
            listed.Select(server => (server.Name, server.Lease, server.Slug)).Order());
        Assert.All(listed, server =>
        {
            Assert.Equal(("local", "running"), (server.Provider, server.Status));
            Assert.NotEmpty(server.CloudId);
        });
        Assert.NotEqual(listed[0].CloudId, listed[1].CloudId);
    }
}
