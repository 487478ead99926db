using System.Net;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private static IsloCreateSandboxRequest CreateRequest { get; } = new()
    {
        Name = "sb",
        Image = "docker.io/library/ubuntu:26.04",
        Vcpus = 4,
        Init = IsloSandboxInit.Minimal,
    };

    private const string CreateBody = """{"name":"sb","image":"docker.io/library/ubuntu:26.04","vcpus":4,"init":{"type":"minimal"}}""";

    [Fact]
    public async Task CreateSandboxAsync_Request_PinsWireAndParsesSandbox()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.Created, SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        var create = Assert.Single(harness.Sent(Post, "/sandboxes"));
        Assert.Equal(CreateBody, create.BodyText);
        Assert.Equal("application/json", create.ContentType);
        Assert.Equal("application/json", create.Accept);
        Assert.Equal(SessionToken, create.Bearer);
        Assert.Equal(new IsloSandboxSpec { Vcpus = 2, MemoryMb = 4096, DiskGb = 20 }, sandbox.Spec);
    }

    [Fact]
    public async Task CreateSandboxAsync_ConflictAlreadyExists_AdoptsNamedSandbox()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.Conflict, """{"code":"SANDBOX_ALREADY_EXISTS","message":"sandbox sb already exists"}"""));
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.Single(harness.Sent(Post, "/sandboxes"));
        Assert.Single(harness.Sent(Get, "/sandboxes/sb"));
    }

    [Fact]
    public async Task CreateSandboxAsync_LostResponseThenConflict_RetriedOnceAndAdopted()
    {
        using var harness = new IsloApiHarness();
        harness.On(
            Post,
            "/sandboxes",
            Respond.Status(HttpStatusCode.BadGateway),
            Respond.Json(HttpStatusCode.Conflict, """{"code":"SANDBOX_ALREADY_EXISTS","message":"exists"}"""));
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        var creates = harness.Sent(Post, "/sandboxes");
        Assert.Equal(2, creates.Count);
        Assert.All(creates, create => Assert.Equal(CreateBody, create.BodyText));
    }

    [Fact]
    public async Task CreateSandboxAsync_TransportErrorThenCreated_RetriedOnce()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Throw(new HttpRequestException("Connection reset by peer")), Respond.Json(HttpStatusCode.Created, SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.Equal(2, harness.Sent(Post, "/sandboxes").Count);
    }

    [Fact]
    public async Task CreateSandboxAsync_ServerErrorEachTime_TwoAttemptsThenError()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.InternalServerError, """{"code":"INTERNAL_ERROR","message":"boom"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout());

        Assert.Equal("""islo create sandbox: 500: {"code":"INTERNAL_ERROR","message":"boom"}""", error.Message);
        Assert.Equal(2, harness.Sent(Post, "/sandboxes").Count);
        Assert.Single(harness.Delays.Delays);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task CreateSandboxAsync_ClientError_NotRetried(HttpStatusCode status)
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(status, """{"code":"INVALID_REQUEST","message":"bad image"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout());

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Single(harness.Sent(Post, "/sandboxes"));
    }

    [Fact]
    public async Task CreateSandboxAsync_ConflictWithOtherCode_ThrowsWithoutLookup()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.Conflict, """{"code":"CACHE_CONFLICT","message":"busy"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout());

        Assert.Equal("""islo create sandbox: 409: {"code":"CACHE_CONFLICT","message":"busy"}""", error.Message);
        Assert.Equal("CACHE_CONFLICT", error.Code);
        Assert.Empty(harness.Sent(Get, "/sandboxes/sb"));
    }

    [Fact]
    public async Task CreateSandboxAsync_ConflictForUnnamedRequest_ThrowsWithoutLookup()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.Conflict, """{"code":"SANDBOX_ALREADY_EXISTS","message":"exists"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(
            () => client.CreateSandboxAsync(new IsloCreateSandboxRequest { Image = "ubuntu" }, Ct).WithTimeout());

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(["/auth/token", "/sandboxes"], harness.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task GetSandboxAsync_NotFound_ThrowsNotFoundWithoutRetry()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/gone", Respond.Json(HttpStatusCode.NotFound, """{"code":"SANDBOX_NOT_FOUND","message":"no sandbox gone"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloNotFoundException>(() => client.GetSandboxAsync("gone", Ct).WithTimeout());

        Assert.Equal("""islo get sandbox: 404: {"code":"SANDBOX_NOT_FOUND","message":"no sandbox gone"}""", error.Message);
        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal(IsloErrorCodes.SandboxNotFound, error.Code);
        Assert.Single(harness.Sent(Get, "/sandboxes/gone"));
    }

    [Fact]
    public async Task GetSandboxAsync_TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.RetryAfter(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)), Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.Equal([TimeSpan.FromSeconds(2)], harness.Delays.Delays);
        Assert.Equal(2, harness.Sent(Get, "/sandboxes/sb").Count);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(300, 30)]
    [InlineData(-5, 0)]
    public async Task GetSandboxAsync_RetryAfterHttpDate_DelayFromDateCappedAt30Seconds(int secondsAhead, int expectedDelay)
    {
        using var harness = new IsloApiHarness();
        var date = InstantDelayTimeProvider.Now.AddSeconds(secondsAhead);
        harness.On(Get, "/sandboxes/sb", Respond.RetryAfter(HttpStatusCode.ServiceUnavailable, date), Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        await client.GetSandboxAsync("sb", Ct).WithTimeout();

        var expected = expectedDelay == 0 ? [] : new[] { TimeSpan.FromSeconds(expectedDelay) };
        Assert.Equal(expected, harness.Delays.Delays);
        Assert.Equal(2, harness.Sent(Get, "/sandboxes/sb").Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task GetSandboxAsync_TransientStatusOnce_RetriedWithBackoff(HttpStatusCode status)
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Status(status), Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        await client.GetSandboxAsync("sb", Ct).WithTimeout();

        var delay = Assert.Single(harness.Delays.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task GetSandboxAsync_ServerErrorEachTime_ThreeAttemptsThenError()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Json(HttpStatusCode.InternalServerError, """{"code":"INTERNAL_ERROR","message":"boom"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("""islo get sandbox: 500: {"code":"INTERNAL_ERROR","message":"boom"}""", error.Message);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Equal(3, harness.Sent(Get, "/sandboxes/sb").Count);
        Assert.Equal(2, harness.Delays.Delays.Count);
    }

    [Fact]
    public async Task GetSandboxAsync_TransportErrorEachTime_ThreeAttemptsThenTransportError()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Throw(new HttpRequestException("Connection refused (api.islo.test:443)")));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo get sandbox: Connection refused (api.islo.test:443)", error.Message);
        Assert.Null(error.StatusCode);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Equal(3, harness.Sent(Get, "/sandboxes/sb").Count);
    }

    [Fact]
    public async Task GetSandboxAsync_TransportErrorWithUrl_QueryAndFragmentStripped()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Throw(new HttpRequestException("failed calling https://api.islo.test/sandboxes/sb?token=leak#frag now")));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo get sandbox: failed calling https://api.islo.test/sandboxes/sb now", error.Message);
    }

    [Fact]
    public async Task GetSandboxAsync_SuccessWithoutBody_ThrowsDecodeError()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Status(HttpStatusCode.OK));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.StartsWith("islo get sandbox: decode response: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSandboxesAsync_101Items_TwoPagesOneExchange()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Json(Page(0, 100, total: 101)));
        harness.On(Get, "/sandboxes?limit=100&offset=100", Respond.Json(Page(100, 1, total: 101)));
        var client = harness.CreateClient();

        var sandboxes = await client.ListSandboxesAsync(Ct).WithTimeout();

        Assert.Equal(Enumerable.Range(0, 101).Select(i => $"sb-{i}"), sandboxes.Select(s => s.Name));
        Assert.Single(harness.Exchanges);
        Assert.Equal(
            ["/auth/token", "/sandboxes?limit=100&offset=0", "/sandboxes?limit=100&offset=100"],
            harness.Requests.Select(r => r.PathAndQuery));
        Assert.All(harness.Requests.Skip(1), r => Assert.Equal(SessionToken, r.Bearer));
    }

    [Fact]
    public async Task ListSandboxesAsync_FullPageReachingTotal_StopsAfterOnePage()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Json(Page(0, 100, total: 100)));
        var client = harness.CreateClient();

        var sandboxes = await client.ListSandboxesAsync(Ct).WithTimeout();

        Assert.Equal(100, sandboxes.Count);
        Assert.Single(harness.Sent(Get, "/sandboxes?limit=100&offset=0"));
    }

    [Fact]
    public async Task ListSandboxesAsync_FullPagesWithoutTotal_FollowsUntilShortPage()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Json(Page(0, 100, total: 0)));
        harness.On(Get, "/sandboxes?limit=100&offset=100", Respond.Json(Page(100, 100, total: 0)));
        harness.On(Get, "/sandboxes?limit=100&offset=200", Respond.Json(Page(200, 5, total: 0)));
        var client = harness.CreateClient();

        var sandboxes = await client.ListSandboxesAsync(Ct).WithTimeout();

        Assert.Equal(205, sandboxes.Count);
    }

    [Fact]
    public async Task ListSandboxesAsync_NullPage_ReturnsEmpty()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Json("null"));
        var client = harness.CreateClient();

        var sandboxes = await client.ListSandboxesAsync(Ct).WithTimeout();

        Assert.Empty(sandboxes);
        Assert.Single(harness.Sent(Get, "/sandboxes?limit=100&offset=0"));
    }

    [Fact]
    public async Task ListSandboxesAsync_PageFailsOnce_PageRetried()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes?limit=100&offset=0", Respond.Status(HttpStatusCode.BadGateway), Respond.Json(Page(0, 3, total: 3)));
        var client = harness.CreateClient();

        var sandboxes = await client.ListSandboxesAsync(Ct).WithTimeout();

        Assert.Equal(3, sandboxes.Count);
        Assert.Equal(2, harness.Sent(Get, "/sandboxes?limit=100&offset=0").Count);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task PauseOrResumeSandboxAsync_Sandbox_PostsWithoutBody(string verb)
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, $"/sandboxes/sb/{verb}", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await (verb == "pause" ? client.PauseSandboxAsync("sb", Ct) : client.ResumeSandboxAsync("sb", Ct)).WithTimeout();

        var request = Assert.Single(harness.Sent(Post, $"/sandboxes/sb/{verb}"));
        Assert.Empty(request.Body);
        Assert.Null(request.ContentType);
        Assert.Equal(SessionToken, request.Bearer);
        Assert.Equal("running", sandbox.Status);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task LifecyclePost_ServerError_NotRetried(string verb)
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, $"/sandboxes/sb/{verb}", Respond.Json(HttpStatusCode.ServiceUnavailable, """{"code":"RESOURCE_UNAVAILABLE"}"""));
        var client = harness.CreateClient();
        Func<Task> call = verb switch
        {
            "pause" => () => client.PauseSandboxAsync("sb", Ct),
            "resume" => () => client.ResumeSandboxAsync("sb", Ct),
            _ => () => client.StopSandboxAsync("sb", Ct),
        };

        var error = await Assert.ThrowsAsync<IsloApiException>(() => call().WithTimeout());

        Assert.Equal($$"""islo {{verb}} sandbox: 503: {"code":"RESOURCE_UNAVAILABLE"}""", error.Message);
        Assert.Single(harness.Sent(Post, $"/sandboxes/sb/{verb}"));
    }

    [Fact]
    public async Task StopSandboxAsync_NoContent_Succeeds()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/stop", Respond.Status(HttpStatusCode.NoContent));
        var client = harness.CreateClient();

        await client.StopSandboxAsync("sb", Ct).WithTimeout();

        var request = Assert.Single(harness.Sent(Post, "/sandboxes/sb/stop"));
        Assert.Equal(SessionToken, request.Bearer);
    }

    private static string Page(int offset, int count, int total) =>
        "{\"items\":[" + string.Join(",", Enumerable.Range(offset, count).Select(i => $$"""{"name":"sb-{{i}}","status":"running"}"""))
        + $$"""],"total":{{total}},"limit":100,"offset":{{offset}}}""";
}
