using System.Net;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class ShareEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task Create_ValidPort_ReturnsLocalShare()
    {
        var name = await Client.CreateSandboxAsync("share");

        var response = await Client.PostAsync($"sandboxes/{name}/shares", """{"port":8080,"ttl_seconds":120}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.StartsWith("sh_", response.String("share_id"), StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:8080/", response.String("url"));
        Assert.Equal(8080, response.Json.GetProperty("port").GetInt32());
        var created = DateTimeOffset.Parse(response.String("created_at"), System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(response.String("expires_at"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(120), expires - created);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"port":0}""")]
    [InlineData("""{"port":65536}""")]
    [InlineData("""{"port":80,"ttl_seconds":59}""")]
    [InlineData("""{"port":80,"ttl_seconds":604801}""")]
    public async Task Create_InvalidPortOrTtl_Returns400(string json)
    {
        var name = await Client.CreateSandboxAsync("share");

        var response = await Client.PostAsync($"sandboxes/{name}/shares", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION_ERROR", response.String("code"));
    }

    [Fact]
    public async Task Create_PausedSandbox_Returns400NotRunning()
    {
        var name = await Client.CreateSandboxAsync("share");
        await Client.PostAsync($"sandboxes/{name}/pause");

        var response = await Client.PostAsync($"sandboxes/{name}/shares", """{"port":3000}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("not running", response.String("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndDelete_Shares_AreArraysAndRevocable()
    {
        var name = await Client.CreateSandboxAsync("share");
        var first = (await Client.PostAsync($"sandboxes/{name}/shares", """{"port":3000}""")).String("share_id");
        var second = (await Client.PostAsync($"sandboxes/{name}/shares", """{"port":3001}""")).String("share_id");

        var listed = await Client.GetAsync($"sandboxes/{name}/shares");
        var deleted = await Client.DeleteAsync($"sandboxes/{name}/shares/{first}");
        var deletedAgain = await Client.DeleteAsync($"sandboxes/{name}/shares/{first}");
        var after = await Client.GetAsync($"sandboxes/{name}/shares");

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal([first, second], listed.Json.EnumerateArray().Select(static share => share.GetProperty("share_id").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.Status);
        Assert.Equal([second], after.Json.EnumerateArray().Select(static share => share.GetProperty("share_id").GetString()));
    }

    [Fact]
    public async Task List_UnknownSandbox_Returns404()
    {
        var response = await Client.GetAsync("sandboxes/missing-sandbox/shares");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", response.String("code"));
    }
}
