using System.Net;
using System.Text;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string SseFixture = "event: stdout\ndata: hello\n\nevent: stderr\ndata: warn\n\nevent: exit\ndata: 7\n\n";

    [Fact]
    public async Task ExecStreamAsync_Request_PinsWireAndRelaysEvents()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Text(HttpStatusCode.OK, SseFixture, "text/event-stream"));
        var client = harness.CreateClient();
        var request = new IsloExecRequest
        {
            Command = ["bash", "-lc", "pnpm test"],
            Env = new Dictionary<string, string> { ["CI"] = "1" },
            Workdir = "/workspace/crabbox",
            User = "islo",
        };
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();

        var exitCode = await client.ExecStreamAsync("sb", request, stdout, stderr, Ct).WithTimeout();

        Assert.Equal(7, exitCode);
        Assert.Equal("hello", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("warn", Encoding.UTF8.GetString(stderr.ToArray()));
        var sent = Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec/stream"));
        Assert.Equal("text/event-stream", sent.Accept);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(SessionToken, sent.Bearer);
        Assert.Equal("""{"command":["bash","-lc","pnpm test"],"env":{"CI":"1"},"workdir":"/workspace/crabbox","user":"islo"}""", sent.BodyText);
    }

    [Fact]
    public async Task ExecStreamAsync_EmptyEnv_OmittedFromBody()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Text(HttpStatusCode.OK, "event: exit\ndata: 0\n\n", "text/event-stream"));
        var client = harness.CreateClient();
        var request = new IsloExecRequest { Command = ["true"], Env = new Dictionary<string, string>() };

        await client.ExecStreamAsync("sb", request, Stream.Null, Stream.Null, Ct).WithTimeout();

        Assert.Equal("""{"command":["true"]}""", Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec/stream")).BodyText);
    }

    /// <summary>Unlike the Go reference, exec/stream escapes the name like every other route.</summary>
    [Fact]
    public async Task ExecStreamAsync_NameWithSpace_EscapedAsOneSegment()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/a%20b/exec/stream", Respond.Text(HttpStatusCode.OK, "event: exit\ndata: 0\n\n", "text/event-stream"));
        var client = harness.CreateClient();

        var exitCode = await client.ExecStreamAsync("a b", new IsloExecRequest { Command = ["true"] }, Stream.Null, Stream.Null, Ct).WithTimeout();

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task ExecStreamAsync_ServerError_NotRetriedAndNamesStatus()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Json(HttpStatusCode.InternalServerError, """{"code":"EXEC_FAILED","message":"vm gone"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(
            () => client.ExecStreamAsync("sb", new IsloExecRequest { Command = ["true"] }, Stream.Null, Stream.Null, Ct).WithTimeout());

        Assert.Equal("""islo exec stream 500 Internal Server Error: {"code":"EXEC_FAILED","message":"vm gone"}""", error.Message);
        Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec/stream"));
    }

    [Fact]
    public async Task ExecStreamAsync_TransportError_NotRetried()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Throw(new HttpRequestException("Connection reset by peer")));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(
            () => client.ExecStreamAsync("sb", new IsloExecRequest { Command = ["true"] }, Stream.Null, Stream.Null, Ct).WithTimeout());

        Assert.Equal("islo exec stream: Connection reset by peer", error.Message);
        Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec/stream"));
    }

    [Fact]
    public async Task ExecStreamAsync_StreamWithoutExit_ThrowsStreamErrorAfterOutput()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Text(HttpStatusCode.OK, "event: stdout\ndata: partial\n\n", "text/event-stream"));
        var client = harness.CreateClient();
        using var stdout = new MemoryStream();

        var error = await Assert.ThrowsAsync<IsloStreamException>(
            () => client.ExecStreamAsync("sb", new IsloExecRequest { Command = ["true"] }, stdout, Stream.Null, Ct).WithTimeout());

        Assert.Equal("islo exec stream ended without exit event", error.Message);
        Assert.Equal("partial", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task ExecAsync_Request_PostsJsonAndParsesHandle()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec", Respond.Json("""{"exec_id":"ex_1","sandbox_id":"6f1c2d","status":"started"}"""));
        var client = harness.CreateClient();

        var started = await client.ExecAsync("sb", new IsloExecRequest { Command = ["ls"], TimeoutSecs = 60 }, Ct).WithTimeout();

        Assert.Equal(new IsloExecStarted { ExecId = "ex_1", SandboxId = "6f1c2d", Status = "started" }, started);
        var sent = Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec"));
        Assert.Equal("""{"command":["ls"],"timeout_secs":60}""", sent.BodyText);
        Assert.Equal("application/json", sent.Accept);
    }

    [Fact]
    public async Task ExecAsync_ServerError_NeverRetried()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec", Respond.Status(HttpStatusCode.ServiceUnavailable));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(() => client.ExecAsync("sb", new IsloExecRequest { Command = ["ls"] }, Ct).WithTimeout());

        Assert.Equal("islo exec: 503", error.Message);
        Assert.Single(harness.Sent(Post, "/sandboxes/sb/exec"));
    }

    [Fact]
    public async Task GetExecResultAsync_Completed_ParsedFromEscapedRoute()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb/exec/ex%2F1", Respond.Json("""{"exec_id":"ex/1","status":"completed","exit_code":0,"stdout":"ok","stderr":"","truncated":false}"""));
        var client = harness.CreateClient();

        var result = await client.GetExecResultAsync("sb", "ex/1", Ct).WithTimeout();

        Assert.Equal(("completed", 0, "ok"), (result.Status, result.ExitCode, result.Stdout));
    }

    [Fact]
    public async Task DownloadFileAsync_File_CopiedToDestination()
    {
        using var harness = new IsloApiHarness();
        var content = new byte[200_000];
        new Random(3).NextBytes(content);
        harness.On(Get, "/sandboxes/sb/files?path=%2Fworkspace%2Fcrabbox%2Fout%20file.bin", () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(content),
        });
        var client = harness.CreateClient();
        using var destination = new MemoryStream();

        var bytes = await client.DownloadFileAsync("sb", "/workspace/crabbox/out file.bin", destination, Ct).WithTimeout();

        Assert.Equal(content.Length, bytes);
        Assert.Equal(content, destination.ToArray());
        Assert.Equal("*/*", Assert.Single(harness.Sent(Get, "/sandboxes/sb/files?path=%2Fworkspace%2Fcrabbox%2Fout%20file.bin")).Accept);
    }

    [Fact]
    public async Task DownloadFileAsync_Missing_ThrowsNotFound()
    {
        using var harness = new IsloApiHarness();
        harness.On(Get, "/sandboxes/sb/files?path=%2Fnope", Respond.Json(HttpStatusCode.NotFound, """{"code":"FILE_NOT_FOUND"}"""));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloNotFoundException>(
            () => client.DownloadFileAsync("sb", "/nope", Stream.Null, Ct).WithTimeout());

        Assert.Equal("""islo download file 404 Not Found: {"code":"FILE_NOT_FOUND"}""", error.Message);
    }
}
