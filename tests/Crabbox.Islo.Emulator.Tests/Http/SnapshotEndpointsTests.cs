using System.Net;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class SnapshotEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task Create_ThenNewSandboxFromIt_HasTheFiles()
    {
        var source = await Client.CreateSandboxAsync("snap-src");
        await Client.BashAsync(source, "mkdir -p /workspace/app && echo code > /workspace/app/main.txt && chmod 750 /workspace/app/main.txt && ln -s app/main.txt /workspace/link && echo cfg > /home/islo/.rc && echo gone > /tmp/not-kept");
        var snapshotName = $"snap-{Guid.NewGuid().ToString("N")[..8]}";

        var created = await Client.PostAsync("snapshots/", $$"""{"sandbox_name":"{{source}}","name":"{{snapshotName}}"}""");
        await Client.BashAsync(source, "echo changed > /workspace/app/main.txt");
        var restored = await Client.CreateSandboxAsync("snap-dst", $$""","snapshot_name":"{{snapshotName}}" """);
        var contents = await Client.BashAsync(restored, "cat /workspace/app/main.txt /workspace/link /home/islo/.rc; stat -c %a /workspace/app/main.txt; test -e /tmp/not-kept || echo no-tmp");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(snapshotName, created.String("name"));
        Assert.Equal("ready", created.String("status"));
        Assert.Equal((await Client.GetAsync($"sandboxes/{source}")).String("id"), created.String("sandbox_id"));
        Assert.True(created.Json.GetProperty("size_bytes").GetInt64() > 0);
        Assert.True(Guid.TryParse(created.String("id"), out _));
        Assert.Equal("code\ncode\ncfg\n750\nno-tmp\n", contents.Stdout);
    }

    [Fact]
    public async Task GetListDelete_Snapshot_Lifecycle()
    {
        var source = await Client.CreateSandboxAsync("snap-src");
        var created = await Client.PostAsync("snapshots", $$"""{"sandbox_name":"{{source}}"}""");
        var name = created.String("name");

        var get = await Client.GetAsync($"snapshots/{name}");
        var list = await Client.GetAsync("snapshots/?limit=100&offset=0");
        var deleted = await Client.DeleteAsync($"snapshots/{name}");
        var getAfter = await Client.GetAsync($"snapshots/{name}");

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(created.String("id"), get.String("id"));
        Assert.Equal(100, list.Json.GetProperty("limit").GetInt32());
        Assert.Equal(0, list.Json.GetProperty("offset").GetInt32());
        Assert.True(list.Json.GetProperty("total").GetInt32() >= 1);
        Assert.Contains(list.Json.GetProperty("items").EnumerateArray(), item => item.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, getAfter.Status);
        Assert.Equal("RESOURCE_NOT_FOUND", getAfter.String("code"));
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        var source = await Client.CreateSandboxAsync("snap-src");
        var name = $"snap-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.PostAsync("snapshots/", $$"""{"sandbox_name":"{{source}}","name":"{{name}}"}""");

        var again = await Client.PostAsync("snapshots/", $$"""{"sandbox_name":"{{source}}","name":"{{name}}"}""");

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [InlineData("""{"sandbox_name":"missing-sandbox"}""", HttpStatusCode.NotFound, "SANDBOX_NOT_FOUND")]
    [InlineData("""{"sandbox_name":"missing-sandbox","name":"Bad Name"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    public async Task Create_InvalidRequest_ReturnsError(string json, HttpStatusCode status, string code)
    {
        var response = await Client.PostAsync("snapshots/", json);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.String("code"));
    }
}
