using System.Net;
using System.Text;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string RejectionBody = """{"code":"INVALID_REQUEST","message":"nope"}""";

    /// <summary>
    /// Every endpoint's HTTP error, worded as the Go provider worded it: SDK calls
    /// <c>islo &lt;action&gt;: &lt;code&gt;: &lt;body&gt;</c>, raw calls
    /// <c>islo &lt;action&gt; &lt;code&gt; &lt;reason&gt;: &lt;body&gt;</c>.
    /// </summary>
    public static TheoryData<string, string> EndpointErrorMessages => new()
    {
        { "create sandbox", "islo create sandbox: 400: " + RejectionBody },
        { "get sandbox", "islo get sandbox: 400: " + RejectionBody },
        { "list sandboxes", "islo list sandboxes: 400: " + RejectionBody },
        { "pause sandbox", "islo pause sandbox: 400: " + RejectionBody },
        { "resume sandbox", "islo resume sandbox: 400: " + RejectionBody },
        { "stop sandbox", "islo stop sandbox: 400: " + RejectionBody },
        { "exec", "islo exec: 400: " + RejectionBody },
        { "exec result", "islo exec: 400: " + RejectionBody },
        { "delete sandbox", "islo delete sandbox 400 Bad Request: " + RejectionBody },
        { "upload archive", "islo upload archive 400 Bad Request: " + RejectionBody },
        { "exec stream", "islo exec stream 400 Bad Request: " + RejectionBody },
        { "download file", "islo download file 400 Bad Request: " + RejectionBody },
        { "create share", "islo create share 400 Bad Request: " + RejectionBody },
        { "list shares", "islo list shares 400 Bad Request: " + RejectionBody },
    };

    [Theory]
    [MemberData(nameof(EndpointErrorMessages))]
    public async Task Endpoint_ErrorWithBody_WordedInItsStyle(string endpoint, string expected)
    {
        using var harness = new IsloApiHarness();
        var (method, path, call) = AnyEndpoint(endpoint);
        harness.On(method, path, Respond.Json(HttpStatusCode.BadRequest, RejectionBody));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => call(client).WithTimeout());

        Assert.Equal(expected, error.Message);
        Assert.Equal("INVALID_REQUEST", error.Code);
    }

    [Fact]
    public async Task GetSandboxAsync_NotFoundWithEmptyBody_CodeOnly()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/gone", Respond.Status(HttpStatusCode.NotFound));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloNotFoundException>(() => client.GetSandboxAsync("gone", Ct).WithTimeout());

        Assert.Equal("islo get sandbox: 404", error.Message);
    }

    [Fact]
    public async Task DeleteSandboxAsync_ServerErrorWithEmptyBody_StatusLineThenEmptySnippet()
    {
        using var harness = new IsloApiHarness();
        harness.On(Delete, "/sandboxes/sb", Respond.Status(HttpStatusCode.InternalServerError));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());

        // Go formats "islo delete sandbox %s: %s" whatever the body, so an empty one leaves ": ".
        Assert.Equal("islo delete sandbox 500 Internal Server Error: ", error.Message);
    }

    [Fact]
    public async Task ServerReasonPhrase_RawEndpointShowsIt_SdkEndpointShowsCodeOnly()
    {
        using var harness = new IsloApiHarness();
        Func<HttpResponseMessage> busy = () => new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            ReasonPhrase = "Sandbox Busy",
            Content = new StringContent("  busy\n", Encoding.UTF8, "text/plain"),
        };
        harness.On(Delete, "/sandboxes/sb", busy);
        harness.On(Post, "/sandboxes/sb/pause", busy);
        var client = harness.CreateClient();

        var raw = await Assert.ThrowsAsync<IsloApiException>(() => client.DeleteSandboxAsync("sb", Ct).WithTimeout());
        var sdk = await Assert.ThrowsAsync<IsloApiException>(() => client.PauseSandboxAsync("sb", Ct).WithTimeout());

        Assert.Equal("islo delete sandbox 409 Sandbox Busy: busy", raw.Message);
        Assert.Equal("islo pause sandbox: 409: busy", sdk.Message);
    }

    private static (HttpMethod Method, string Path, Func<IsloClient, Task> Call) AnyEndpoint(string endpoint) => endpoint switch
    {
        "create sandbox" => (Post, "/sandboxes", c => c.CreateSandboxAsync(new IsloCreateSandboxRequest { Name = "sb" }, Ct)),
        "get sandbox" => (Get, "/sandboxes/sb", c => c.GetSandboxAsync("sb", Ct)),
        "list sandboxes" => (Get, "/sandboxes?limit=100&offset=0", c => c.ListSandboxesAsync(Ct)),
        "pause sandbox" => (Post, "/sandboxes/sb/pause", c => c.PauseSandboxAsync("sb", Ct)),
        "resume sandbox" => (Post, "/sandboxes/sb/resume", c => c.ResumeSandboxAsync("sb", Ct)),
        "stop sandbox" => (Post, "/sandboxes/sb/stop", c => c.StopSandboxAsync("sb", Ct)),
        "exec" => (Post, "/sandboxes/sb/exec", c => c.ExecAsync("sb", new IsloExecRequest { Command = ["true"] }, Ct)),
        "exec result" => (Get, "/sandboxes/sb/exec/ex_1", c => c.GetExecResultAsync("sb", "ex_1", Ct)),
        "download file" => (Get, "/sandboxes/sb/files?path=%2Fout", c => c.DownloadFileAsync("sb", "/out", Stream.Null, Ct)),
        _ => Endpoint(endpoint),
    };
}
