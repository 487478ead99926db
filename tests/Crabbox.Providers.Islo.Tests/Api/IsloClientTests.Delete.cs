using System.Net;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task DeleteSandboxAsync_EmptySuccessOrMissing_Succeeds(HttpStatusCode status)
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Status(status));
        var client = harness.CreateClient();

        await client.DeleteSandboxAsync("sb", Ct).WithTimeout();

        var request = Assert.Single(harness.Sent(Delete, "/sandboxes/sb"));
        Assert.Equal(SessionToken, request.Bearer);
        Assert.Equal("application/json", request.Accept);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task DeleteSandboxAsync_ServerError_ThreeAttemptsThenErrorWithBody()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Json(HttpStatusCode.InternalServerError, """{"code":"INTERNAL_ERROR","message":"boom"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo delete sandbox 500 Internal Server Error: {"code":"INTERNAL_ERROR","message":"boom"}""", error.Message);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("INTERNAL_ERROR", error.Code);
        Assert.Equal(3, harness.Sent(Delete, "/sandboxes/sb").Count);
    }

    [Fact]
    public async Task DeleteSandboxAsync_Conflict_ErrorNotRetried()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Json(HttpStatusCode.Conflict, "{\n  \"code\": \"SANDBOX_INVALID_STATE\"\n}\n"));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo delete sandbox 409 Conflict: { "code": "SANDBOX_INVALID_STATE" }""", error.Message);
        Assert.Single(harness.Sent(Delete, "/sandboxes/sb"));
    }

    [Fact]
    public async Task DeleteSandboxAsync_LongBody_SnippetCutAt1024()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Text(HttpStatusCode.BadRequest, new string('e', 5000)));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo delete sandbox 400 Bad Request: " + new string('e', 1024), error.Message);
    }

    [Fact]
    public async Task DeleteSandboxAsync_NameWithSlash_EscapedAsOneSegment()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/a%2Fb", Respond.Status(HttpStatusCode.NoContent));
        var client = harness.CreateClient();

        await client.DeleteSandboxAsync("a/b", Ct).WithTimeout();

        Assert.Single(harness.Sent(Delete, "/sandboxes/a%2Fb"));
    }
}
