using System.Net;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    [Fact]
    public async Task GetSandboxAsync_FirstCall_ExchangesKeyThenSendsSessionBearer()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal([IsloApiHarness.AuthPath, "/sandboxes/sb"], harness.Requests.Select(r => r.PathAndQuery));
        var exchange = harness.Requests[0];
        Assert.Equal(Post, exchange.Method);
        Assert.Equal($$"""{"access_key":"{{ApiKey}}"}""", exchange.BodyText);
        Assert.Equal("application/json", exchange.ContentType);
        Assert.Equal("application/json", exchange.Accept);
        Assert.Null(exchange.Authorization);
        var get = harness.Requests[1];
        Assert.Equal(SessionToken, get.Bearer);
        Assert.Equal("application/json", get.Accept);
        Assert.Equal(("sb", "running", "6f1c2d"), (sandbox.Name, sandbox.Status, sandbox.Id));
    }

    [Fact]
    public async Task Calls_ControlAndComputeOnDifferentHosts_TokenFromControlSandboxesFromCompute()
    {
        using var harness = new IsloApiHarness();
        harness.Options = harness.Options with { ComputeUrl = new Uri("https://compute.islo.test/ca/") };
        harness.On("https://compute.islo.test", Get, "/ca/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal(
            ["https://api.islo.test/auth/token", "https://compute.islo.test/ca/sandboxes/sb"],
            harness.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.Equal(SessionToken, harness.Requests[1].Bearer);
    }

    [Fact]
    public async Task Calls_SeveralWithMaxAge3600_OneExchange()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken, maxAge: 3600));
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Json("""{"items":[],"total":0}"""));
        harness.On(Delete, "/sandboxes/sb", Respond.Status(HttpStatusCode.NoContent));
        var client = harness.CreateClient();

        await client.GetSandboxAsync("sb", Ct).WithTimeout();
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await client.ListSandboxesAsync(Ct).WithTimeout();
        await client.DeleteSandboxAsync("sb", Ct).WithTimeout();

        Assert.Single(harness.Exchanges);
        Assert.All(harness.Requests.Skip(1), request => Assert.Equal(SessionToken, request.Bearer));
    }

    [Theory]
    [InlineData(3600, 3539, 1)]
    [InlineData(3600, 3540, 2)]
    [InlineData(null, 539, 1)]
    [InlineData(null, 540, 2)]
    [InlineData(30, 0, 2)]
    public async Task GetSandboxAsync_ClockPastMaxAgeLessOneMinute_ExchangesAgain(int? maxAge, int elapsedSeconds, int expectedExchanges)
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken, maxAge), Respond.Token(SecondSessionToken, maxAge));
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        await client.GetSandboxAsync("sb", Ct).WithTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(elapsedSeconds));
        await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal(expectedExchanges, harness.Exchanges.Count);
        var expectedBearer = expectedExchanges == 1 ? SessionToken : SecondSessionToken;
        Assert.Equal(expectedBearer, harness.Sent(Get, "/sandboxes/sb")[1].Bearer);
    }

    [Fact]
    public async Task GetSandboxAsync_ConcurrentCallsWithoutToken_ShareOneExchange()
    {
        using var harness = new IsloApiHarness();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.OnAsync(IsloApiHarness.Base, Post, IsloApiHarness.AuthPath, async () =>
        {
            await release.Task;
            return Respond.Token(SessionToken)();
        });
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var calls = Enumerable.Range(0, 5).Select(_ => client.GetSandboxAsync("sb", Ct)).ToArray();
        release.SetResult();
        await Task.WhenAll(calls).WithTimeout();

        Assert.Single(harness.Exchanges);
        Assert.Equal(5, harness.Sent(Get, "/sandboxes/sb").Count);
    }

    [Fact]
    public async Task GetSandboxAsync_ExchangeRejected_ThrowsAuthErrorWithRedactedBody()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Json(HttpStatusCode.Unauthorized, $$"""{"code":"AUTH_REQUIRED","message":"invalid key {{ApiKey}}"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo: token exchange failed (401): {"code":"AUTH_REQUIRED","message":"invalid key [redacted]"}""", error.Message);
        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.Equal("AUTH_REQUIRED", error.Code);
        Assert.Empty(harness.Sent(Get, "/sandboxes/sb"));
    }

    [Fact]
    public async Task GetSandboxAsync_ExchangeWithoutSessionToken_ThrowsAuthError()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Json("""{"cookie_max_age":3600}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo: token exchange response missing session_token", error.Message);
        Assert.Equal(ExitCodes.Auth, error.ExitCode);
    }

    [Fact]
    public async Task GetSandboxAsync_ExchangeNotJson_ThrowsAuthDecodeError()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Text(HttpStatusCode.OK, "<html>login</html>", "text/html"));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.StartsWith("islo: decode token response: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSandboxAsync_Unauthorized_ReexchangesAndRetriesOnce()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken), Respond.Token(SecondSessionToken));
        harness.On(Get, "/sandboxes/sb", Respond.Status(HttpStatusCode.Unauthorized), Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.Equal(2, harness.Exchanges.Count);
        Assert.Equal([SessionToken, SecondSessionToken], harness.Sent(Get, "/sandboxes/sb").Select(r => r.Bearer));
    }

    [Fact]
    public async Task GetSandboxAsync_UnauthorizedAfterReexchange_ThrowsAuthError()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken), Respond.Token(SecondSessionToken));
        harness.On(Get, "/sandboxes/sb", Respond.Json(HttpStatusCode.Unauthorized, """{"code":"AUTH_REQUIRED","message":"session revoked"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo get sandbox: 401: {"code":"AUTH_REQUIRED","message":"session revoked"}""", error.Message);
        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, harness.Exchanges.Count);
        Assert.Equal(2, harness.Sent(Get, "/sandboxes/sb").Count);
    }

    [Fact]
    public async Task GetSandboxAsync_Forbidden_ThrowsAuthErrorWithoutReexchange()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Json(HttpStatusCode.Forbidden, """{"code":"ACCESS_DENIED","message":"tenant suspended"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo get sandbox: 403: {"code":"ACCESS_DENIED","message":"tenant suspended"}""", error.Message);
        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.Single(harness.Exchanges);
        Assert.Single(harness.Sent(Get, "/sandboxes/sb"));
    }
}
