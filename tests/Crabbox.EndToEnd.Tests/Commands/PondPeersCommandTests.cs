using System.Text.Json;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands;

/// <summary><c>crabbox pond peers</c> against the emulator's shares, through the <c>local</c> provider.</summary>
public sealed class PondPeersCommandTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task SharePort_CreatesThenReuses_AndDiscoveryListsIt()
    {
        using var home = new CrabboxHome();
        var warmup = await CrabboxCli.RunAsync(home, repo.Root, ["warmup", "--provider", CrabboxCli.Local, "--pond", "peers"]);
        CliAssert.ExitCode(0, warmup);
        var lease = LeasedSandbox.Parse(warmup.Output);
        string[] publish = ["pond", "peers", "--provider", CrabboxCli.Local, "--pond", "peers", "--share-port", "8080", "--json"];

        var created = await CrabboxCli.RunAsync(home, repo.Root, publish);
        var reused = await CrabboxCli.RunAsync(home, repo.Root, publish);
        var listed = await CrabboxCli.RunAsync(home, repo.Root, ["pond", "peers", "--provider", CrabboxCli.Local, "--pond", "peers", "--json"]);
        var table = await CrabboxCli.RunAsync(home, repo.Root, ["pond", "peers", "--provider", CrabboxCli.Local, "--pond", "peers"]);

        CliAssert.ExitCode(0, created);
        var first = Single(created.Output);
        Assert.Equal((lease.LeaseId, lease.Slug, lease.Sandbox, 8080, "http://127.0.0.1:8080/"), (first.LeaseId, first.Slug, first.Sandbox, first.Port, first.Url));
        Assert.StartsWith("sh_", first.ShareId, StringComparison.Ordinal);
        Assert.NotNull(first.ExpiresAt);
        CliAssert.ExitCode(0, reused);
        Assert.Equal(first, Single(reused.Output));
        CliAssert.ExitCode(0, listed);
        Assert.Equal(first, Single(listed.Output));
        CliAssert.ExitCode(0, table);
        Assert.Contains($"{lease.Slug}  {lease.Sandbox}  8080  http://127.0.0.1:8080/  {first.ExpiresAt}", table.Output, StringComparison.Ordinal);
    }

    private static PeerRow Single(string json)
    {
        using var document = JsonDocument.Parse(json);
        var row = Assert.Single(document.RootElement.EnumerateArray());
        return new PeerRow(
            row.GetProperty("leaseId").GetString()!,
            row.GetProperty("slug").GetString()!,
            row.GetProperty("sandbox").GetString()!,
            row.GetProperty("port").GetInt32(),
            row.GetProperty("url").GetString()!,
            row.GetProperty("shareId").GetString()!,
            row.GetProperty("expiresAt").GetString());
    }

    private sealed record PeerRow(string LeaseId, string Slug, string Sandbox, int Port, string Url, string ShareId, string? ExpiresAt);
}
