using System.Net;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string EchoingBody =
        $$"""{"code":"RATE_LIMITED","message":"quota exceeded for session {{SessionToken}} key {{ApiKey}}","hint":"Authorization: Bearer some-other-credential"}""";

    // After a 401 the client holds a second token; the body echoes both the rejected and the fresh one.
    private const string EchoingBothTokensBody =
        $$"""{"code":"AUTH_REQUIRED","message":"quota exceeded for session {{SessionToken}} / {{SecondSessionToken}} key {{ApiKey}}","hint":"Authorization: Bearer some-other-credential"}""";

    public static TheoryData<string, HttpStatusCode> RawEndpoints => new()
    {
        { "delete sandbox", HttpStatusCode.Unauthorized },
        { "upload archive", HttpStatusCode.Unauthorized },
        { "create share", HttpStatusCode.Unauthorized },
        { "list shares", HttpStatusCode.Unauthorized },
        { "exec stream", HttpStatusCode.Unauthorized },
        { "delete sandbox", HttpStatusCode.InternalServerError },
        { "upload archive", HttpStatusCode.InternalServerError },
        { "create share", HttpStatusCode.InternalServerError },
        { "list shares", HttpStatusCode.InternalServerError },
        { "exec stream", HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(RawEndpoints))]
    public async Task RawEndpoint_ErrorBodyEchoingSecrets_RedactedDetailKept(string action, HttpStatusCode status)
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken), Respond.Token(SecondSessionToken));
        var (method, path, call) = Endpoint(action);
        harness.On(method, path, Respond.Json(status, status == HttpStatusCode.Unauthorized ? EchoingBothTokensBody : EchoingBody));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAnyAsync<IsloApiException>(() => call(client).WithTimeout());

        Assert.StartsWith($"islo {action} {(int)status} ", error.Message, StringComparison.Ordinal);
        Assert.Contains("quota exceeded", error.Message, StringComparison.Ordinal);
        Assert.Contains(IsloRedactor.Marker, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondSessionToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("some-other-credential", error.Message, StringComparison.Ordinal);
        Assert.Equal(status == HttpStatusCode.Unauthorized ? ExitCodes.Auth : ExitCodes.Failure, error.ExitCode);
    }

    [Fact]
    public async Task ExecStreamAsync_ErrorEventEchoingToken_Redacted()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Text(
            HttpStatusCode.OK,
            $"event: error\ndata: quota exceeded (token {SessionToken})\n\n",
            "text/event-stream"));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloStreamException>(
            () => client.ExecStreamAsync("sb", new IsloExecRequest { Command = ["true"] }, Stream.Null, Stream.Null, Ct).WithTimeout());

        Assert.Equal("islo exec stream error: quota exceeded (token [redacted])", error.Message);
    }

    /// <summary>No message a user can see, and no ToString of options or requests, carries the key or a token.</summary>
    [Fact]
    public async Task Failures_MessagesAndToStrings_NeverContainSecrets()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken), Respond.Token(SecondSessionToken));
        harness.On(Get, "/sandboxes/a", Respond.Json(HttpStatusCode.Forbidden, EchoingBody));
        harness.On(Get, "/sandboxes/b", Respond.Json(HttpStatusCode.NotFound, EchoingBody));
        harness.On(Get, "/sandboxes/c", Respond.Throw(new HttpRequestException($"proxy said Bearer {SessionToken}")));
        harness.On(Post, "/sandboxes", Respond.Json(HttpStatusCode.Conflict, EchoingBody));
        harness.On(Post, "/sandboxes/sb/exec/stream", Respond.Text(HttpStatusCode.OK, $"event: exit\ndata: {SessionToken}\n\n", "text/event-stream"));
        var client = harness.CreateClient();
        var env = new Dictionary<string, string> { ["ISLO_API_KEY"] = ApiKey };
        var exec = new IsloExecRequest { Command = ["true"], Env = env };

        var errors = new[]
        {
            await Record.ExceptionAsync(() => client.GetSandboxAsync("a", Ct).WithTimeout()),
            await Record.ExceptionAsync(() => client.GetSandboxAsync("b", Ct).WithTimeout()),
            await Record.ExceptionAsync(() => client.GetSandboxAsync("c", Ct).WithTimeout()),
            await Record.ExceptionAsync(() => client.CreateSandboxAsync(new IsloCreateSandboxRequest { Name = "x", Env = env }, Ct).WithTimeout()),
            await Record.ExceptionAsync(() => client.ExecStreamAsync("sb", exec, Stream.Null, Stream.Null, Ct).WithTimeout()),
        };
        var texts = errors.Select(e => e!.Message)
            .Append(harness.Options.ToString())
            .Append(exec.ToString())
            .Append(new IsloCreateSandboxRequest { Env = env }.ToString())
            .Append(new IsloTokenRequest(ApiKey).ToString())
            .Append(new IsloTokenResponse { SessionToken = SessionToken }.ToString())
            .ToList();

        Assert.All(errors, e => Assert.IsAssignableFrom<CrabboxException>(e));
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecondSessionToken, text, StringComparison.Ordinal);
        });
    }

    private static (HttpMethod Method, string Path, Func<IsloClient, Task> Call) Endpoint(string action) => action switch
    {
        "delete sandbox" => (Delete, "/sandboxes/sb", c => c.DeleteSandboxAsync("sb", Ct)),
        "upload archive" => (Post, UploadPath, c => c.UploadArchiveAsync("sb", "/workspace/crabbox", (s, ct) => s.WriteAsync(new byte[8], ct).AsTask(), Ct)),
        "create share" => (Post, "/sandboxes/sb/shares", c => c.CreateShareAsync("sb", 8080, null, Ct)),
        "list shares" => (Get, "/sandboxes/sb/shares", c => c.ListSharesAsync("sb", Ct)),
        "exec stream" => (Post, "/sandboxes/sb/exec/stream", c => c.ExecStreamAsync("sb", new IsloExecRequest { Command = ["true"] }, Stream.Null, Stream.Null, Ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
