using System.Net;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string ShareJson =
        """{"share_id":"sh_abc123","url":"https://abc.share.islo.dev","port":8080,"created_at":"2026-08-01T12:00:00Z","expires_at":null}""";

    [Theory]
    [InlineData(null, """{"port":8080}""")]
    [InlineData(0.0, """{"port":8080}""")]
    [InlineData(-5.0, """{"port":8080}""")]
    [InlineData(30.0, """{"port":8080,"ttl_seconds":60}""")]
    [InlineData(90.9, """{"port":8080,"ttl_seconds":90}""")]
    [InlineData(3600.0, """{"port":8080,"ttl_seconds":3600}""")]
    [InlineData(2592000.0, """{"port":8080,"ttl_seconds":604800}""")]
    public async Task CreateShareAsync_Ttl_WholeSecondsClampedOrOmitted(double? ttlSeconds, string expectedBody)
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/shares", Respond.Json(HttpStatusCode.Created, ShareJson));
        var client = harness.CreateClient();
        TimeSpan? ttl = ttlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

        var share = await client.CreateShareAsync("sb", 8080, ttl, Ct).WithTimeout();

        var sent = Assert.Single(harness.Sent(Post, "/sandboxes/sb/shares"));
        Assert.Equal(expectedBody, sent.BodyText);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("application/json", sent.Accept);
        Assert.Equal(SessionToken, sent.Bearer);
        Assert.Equal(("sh_abc123", "https://abc.share.islo.dev", 8080, false), (share.ShareId, share.Url, share.Port, share.ExpirySet));
    }

    [Fact]
    public async Task CreateShareAsync_NotRunning_NotRetriedSnippetUpTo4096()
    {
        using var harness = new IsloApiHarness();
        var body = """{"code":"INVALID_REQUEST","message":"sandbox not running"}""" + new string(' ', 2000) + new string('s', 3000);
        harness.On(Post, "/sandboxes/sb/shares", Respond.Text(HttpStatusCode.BadRequest, body));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.CreateShareAsync("sb", 8080, null, Ct).WithTimeout());

        Assert.StartsWith("""islo create share 400 Bad Request: {"code":"INVALID_REQUEST","message":"sandbox not running"}""", error.Message, StringComparison.Ordinal);
        Assert.Equal("islo create share 400 Bad Request: ".Length + 4096, error.Message.Length);
        Assert.Single(harness.Sent(Post, "/sandboxes/sb/shares"));
    }

    [Fact]
    public async Task ListSharesAsync_Array_ParsedWithExpiry()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb/shares", Respond.Json(
            "[" + ShareJson + """,{"share_id":"sh_2","url":"","port":9090,"created_at":"2026-08-01T12:00:00Z","expires_at":"2026-08-02T12:00:00Z"}]"""));
        var client = harness.CreateClient();

        var shares = await client.ListSharesAsync("sb", Ct).WithTimeout();

        Assert.Equal(["sh_abc123", "sh_2"], shares.Select(s => s.ShareId));
        Assert.Equal([false, true], shares.Select(s => s.ExpirySet));
        var sent = Assert.Single(harness.Sent(Get, "/sandboxes/sb/shares"));
        Assert.Equal(SessionToken, sent.Bearer);
        Assert.Equal("application/json", sent.Accept);
    }

    [Fact]
    public async Task ListSharesAsync_NotFound_ReturnsEmpty()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb/shares", Respond.Json(HttpStatusCode.NotFound, """{"code":"SANDBOX_NOT_FOUND"}"""));
        var client = harness.CreateClient();

        var shares = await client.ListSharesAsync("sb", Ct).WithTimeout();

        Assert.Empty(shares);
    }

    [Fact]
    public async Task ListSharesAsync_ServerError_RetriedThenError()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb/shares", Respond.Json(HttpStatusCode.BadGateway, """{"code":"BAD_GATEWAY"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.ListSharesAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo list shares 502 Bad Gateway: {"code":"BAD_GATEWAY"}""", error.Message);
        Assert.Equal(3, harness.Sent(Get, "/sandboxes/sb/shares").Count);
    }
}
