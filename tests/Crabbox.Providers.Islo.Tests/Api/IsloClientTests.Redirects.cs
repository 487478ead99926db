using System.Net;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string Evil = "https://evil.example";

    [Fact]
    public async Task DeleteSandboxAsync_SameOrigin307_FollowedWithAuthorization()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Redirect(HttpStatusCode.TemporaryRedirect, "/v2/sandboxes/sb"));
        harness.On(Delete, "/v2/sandboxes/sb", Respond.Status(HttpStatusCode.NoContent));
        var client = harness.CreateClient();

        await client.DeleteSandboxAsync("sb", Ct).WithTimeout();

        var followed = Assert.Single(harness.Sent(Delete, "/v2/sandboxes/sb"));
        Assert.Equal(SessionToken, followed.Bearer);
    }

    [Fact]
    public async Task DeleteSandboxAsync_CrossOrigin307_RefusedWithoutContactingTarget()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Redirect(HttpStatusCode.TemporaryRedirect, Evil + "/steal/path?token=leak#frag"));
        harness.On(Evil, Delete, "/steal/path?token=leak", Respond.Status(HttpStatusCode.NoContent));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloRedirectException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("refusing islo redirect from https://api.islo.test:443 to https://evil.example:443", error.Message);
        Assert.DoesNotContain(harness.Requests, r => r.Uri.Host == "evil.example");
        Assert.Empty(harness.Unrouted);
        Assert.Single(harness.Sent(Delete, "/sandboxes/sb"));
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.SeeOther)]
    [InlineData(HttpStatusCode.PermanentRedirect)]
    public async Task GetSandboxAsync_CrossOriginRedirect_RefusedNotRetried(HttpStatusCode status)
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Redirect(status, "http://api.islo.test/sandboxes/sb?secret=1"));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloRedirectException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("refusing islo redirect from https://api.islo.test:443 to http://api.islo.test:80", error.Message);
        Assert.Single(harness.Sent(Get, "/sandboxes/sb"));
        Assert.Empty(harness.Unrouted);
    }

    [Theory]
    [InlineData("https://api.islo.test:443/v2/sandboxes/sb", null)]
    [InlineData("https://API.ISLO.TEST/v2/sandboxes/sb", null)]
    [InlineData("https://api.islo.test:444/v2/sandboxes/sb", "refusing islo redirect from https://api.islo.test:443 to https://api.islo.test:444")]
    public async Task GetSandboxAsync_RedirectPort_ComparedAsEffectiveOrigin(string location, string? expectedError)
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb", Respond.Redirect(HttpStatusCode.Found, location));
        harness.On(Get, "/v2/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var error = await Record.ExceptionAsync(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal(expectedError, error?.Message);
        Assert.Equal(expectedError is null ? 1 : 0, harness.Sent(Get, "/v2/sandboxes/sb").Count);
        Assert.Empty(harness.Unrouted);
    }

    [Fact]
    public async Task GetSandboxAsync_TenRedirects_Followed()
    {
        using var harness = new IsloApiHarness();
        RedirectChain(harness, hops: 10);
        harness.On(Get, "/hop/10", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.GetSandboxAsync("sb", Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.All(harness.Requests.Skip(1), r => Assert.Equal(SessionToken, r.Bearer));
    }

    [Fact]
    public async Task GetSandboxAsync_ElevenRedirects_Stopped()
    {
        using var harness = new IsloApiHarness();
        RedirectChain(harness, hops: 11);
        harness.On(Get, "/hop/11", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloRedirectException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo redirect stopped after 10 redirects", error.Message);
        Assert.Empty(harness.Sent(Get, "/hop/11"));
        Assert.Equal(11, harness.Requests.Count(r => r.Method == Get));
    }

    [Fact]
    public async Task CreateSandboxAsync_SeeOther_FollowedAsGetWithoutBody()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Redirect(HttpStatusCode.SeeOther, "/sandboxes/sb"));
        harness.On(Get, "/sandboxes/sb", Respond.Json(SandboxJson));
        var client = harness.CreateClient();

        var sandbox = await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        var followed = Assert.Single(harness.Sent(Get, "/sandboxes/sb"));
        Assert.Empty(followed.Body);
        Assert.Null(followed.ContentType);
    }

    [Fact]
    public async Task CreateSandboxAsync_TemporaryRedirect_ResendsSameBody()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes", Respond.Redirect(HttpStatusCode.TemporaryRedirect, "/v2/sandboxes"));
        harness.On(Post, "/v2/sandboxes", Respond.Json(HttpStatusCode.Created, SandboxJson));
        var client = harness.CreateClient();

        await client.CreateSandboxAsync(CreateRequest, Ct).WithTimeout();

        var followed = Assert.Single(harness.Sent(Post, "/v2/sandboxes"));
        Assert.Equal(CreateBody, followed.BodyText);
        Assert.Equal(SessionToken, followed.Bearer);
    }

    [Fact]
    public async Task TokenExchange_CrossOriginRedirect_RefusedKeyNeverSent()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Redirect(HttpStatusCode.TemporaryRedirect, "https://login.evil.example/auth/token?next=x"));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloRedirectException>(() => client.GetSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("refusing islo redirect from https://api.islo.test:443 to https://login.evil.example:443", error.Message);
        Assert.Empty(harness.Unrouted);
        Assert.Single(harness.Requests);
    }

    private static void RedirectChain(IsloApiHarness harness, int hops)
    {
        harness.On(Get, "/sandboxes/sb", Respond.Redirect(HttpStatusCode.Found, "/hop/1"));
        for (var hop = 1; hop < hops; hop++)
        {
            harness.On(Get, $"/hop/{hop}", Respond.Redirect(HttpStatusCode.Found, $"/hop/{hop + 1}"));
        }
    }
}
