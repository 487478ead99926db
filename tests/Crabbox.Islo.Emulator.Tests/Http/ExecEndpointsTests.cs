using System.Net;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class ExecEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private string _sandbox = null!;

    private IsloTestClient Client => fixture.Client;

    public async ValueTask InitializeAsync() => _sandbox = await Client.CreateSandboxAsync("exec");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Stream_StdoutAndStderr_AreSeparateEvents()
    {
        var stream = await Client.BashAsync(_sandbox, "echo out; echo err >&2");

        Assert.Equal("out\n", stream.Stdout);
        Assert.Equal("err\n", stream.Stderr);
        Assert.Equal("exit", stream.Events[^1].Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public async Task Stream_ExitCode_IsPassedThrough(int code)
    {
        var stream = await Client.StreamAsync(_sandbox, ["bash", "-c", $"exit {code}"]);

        Assert.Equal(code, stream.ExitCode);
        Assert.Single(stream.Events, static e => e.Name == "exit");
    }

    [Fact]
    public async Task Stream_MultiLineChunk_IsRestoredByJoiningDataLines()
    {
        var stream = await Client.StreamAsync(_sandbox, ["printf", "a\nb\n\nc\n"]);

        Assert.Equal("a\nb\n\nc\n", stream.Stdout);
        Assert.Contains(stream.Events, static e => e.Name == "stdout" && e.Data.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_MultiByteCharacterSplitAcrossReads_IsNotCorrupted()
    {
        // The first byte of "é" is written, then after a pause the second: two pipe reads.
        var stream = await Client.BashAsync(_sandbox, "printf '\\xc3'; sleep 0.3; printf '\\xa9 \\xe2\\x82'; sleep 0.3; printf '\\xac\\n'");

        Assert.Equal("é €\n", stream.Stdout);
        Assert.DoesNotContain('\uFFFD', stream.Stdout);
    }

    [Fact]
    public async Task Stream_InvalidUtf8_SentAsReplacementCharacters()
    {
        // An invalid byte, a character cut short by another, and one cut short by the end of the output.
        var stream = await Client.BashAsync(_sandbox, "printf 'a\\xffb\\xe2\\x82c'; sleep 0.3; printf '\\xc3'");

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", stream.Stdout);
    }

    [Fact]
    public async Task Stream_QuietCommand_SendsKeepAliveComments()
    {
        var stream = await Client.StreamAsync(_sandbox, ["sleep", "0.7"]);

        Assert.Contains("keep-alive", stream.Comments);
        Assert.Equal(0, stream.ExitCode);
    }

    [Fact]
    public async Task Stream_MissingBinary_SendsErrorEventWithoutExit()
    {
        var stream = await Client.StreamAsync(_sandbox, ["no-such-binary-xyz", "--flag"]);

        var error = Assert.Single(stream.Events);
        Assert.Equal("error", error.Name);
        Assert.Contains("no-such-binary-xyz", error.Data, StringComparison.Ordinal);
        Assert.Null(stream.ExitCode);
    }

    [Fact]
    public async Task Stream_EnvWorkdirAndDefaults_ReachTheCommand()
    {
        var name = await Client.CreateSandboxAsync("env", ""","env":{"FROM_SANDBOX":"s","OVERRIDDEN":"s"},"workdir":"proj" """);

        var defaults = await Client.BashAsync(name, "pwd; echo $FROM_SANDBOX $OVERRIDDEN $HOME $LANG; echo $PATH");
        var custom = await Client.StreamAsync(name, ["bash", "-c", "pwd; echo $OVERRIDDEN $EXTRA"], ""","workdir":"/tmp/made/here","env":{"OVERRIDDEN":"r","EXTRA":"x"},"user":"islo","timeout_secs":5""");

        Assert.Equal("/workspace/proj\ns s /home/islo C.UTF-8\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n", defaults.Stdout);
        Assert.Equal("/tmp/made/here\nr x\n", custom.Stdout);
    }

    [Theory]
    [InlineData("""{"command":[]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"command":[""]}""")]
    [InlineData("""{"command":"echo hi"}""")]
    [InlineData("""{"command":["true"],"env":{"A=B":"c"}}""")]
    public async Task Stream_InvalidRequest_Returns400BeforeStreaming(string json)
    {
        var response = await Client.PostAsync($"sandboxes/{_sandbox}/exec/stream", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("VALIDATION_ERROR", response.String("code"));
    }

    [Fact]
    public async Task Stream_UnknownSandbox_Returns404()
    {
        var response = await Client.PostAsync("sandboxes/missing-sandbox/exec/stream", """{"command":["true"]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task Stream_LargeOutput_ArrivesComplete()
    {
        var stream = await Client.BashAsync(_sandbox, "head -c 5000000 /dev/zero | tr '\\0' x; echo; echo done >&2");

        Assert.Equal(5_000_001, stream.Stdout.Length);
        Assert.Equal("done\n", stream.Stderr);
        Assert.True(stream.Events.Count(static e => e.Name == "stdout") > 1);
    }

    [Fact]
    public async Task ExecAndPoll_Command_ReportsOutputAndExitCode()
    {
        var execId = await Client.StartExecAsync(_sandbox, ["bash", "-c", "echo hi; echo oops >&2; exit 3"]);

        var result = await Client.WaitExecAsync(_sandbox, execId);

        Assert.Equal(execId, result.GetProperty("exec_id").GetString());
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.Equal(3, result.GetProperty("exit_code").GetInt32());
        Assert.Equal("hi\n", result.GetProperty("stdout").GetString());
        Assert.Equal("oops\n", result.GetProperty("stderr").GetString());
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task ExecStart_Response_HasStartedStatusAndSandboxId()
    {
        var sandboxId = (await Client.GetAsync($"sandboxes/{_sandbox}")).String("id");

        var response = await Client.PostAsync($"sandboxes/{_sandbox}/exec", """{"command":["true"]}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("started", response.String("status"));
        Assert.Equal(sandboxId, response.String("sandbox_id"));
        Assert.False(string.IsNullOrEmpty(response.String("exec_id")));
    }

    [Fact]
    public async Task ExecAndPoll_RunningCommand_ReportsRunningWithoutExitCode()
    {
        var execId = await Client.StartExecAsync(_sandbox, ["sleep", "5"]);

        var result = await Client.GetAsync($"sandboxes/{_sandbox}/exec/{execId}");

        Assert.Equal("running", result.String("status"));
        Assert.False(result.Json.TryGetProperty("exit_code", out _));
    }

    [Fact]
    public async Task ExecAndPoll_OutputOverLimit_IsTruncated()
    {
        var execId = await Client.StartExecAsync(_sandbox, ["bash", "-c", "head -c 1100000 /dev/zero | tr '\\0' a"]);

        var result = await Client.WaitExecAsync(_sandbox, execId);

        Assert.True(result.GetProperty("truncated").GetBoolean());
        Assert.Equal(1024 * 1024, result.GetProperty("stdout").GetString()!.Length);
        Assert.Equal(0, result.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task ExecAndPoll_MissingBinary_ReportsFailed()
    {
        var execId = await Client.StartExecAsync(_sandbox, ["no-such-binary-xyz"]);

        var result = await Client.WaitExecAsync(_sandbox, execId);

        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Contains("no-such-binary-xyz", result.GetProperty("stderr").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_UnknownExecId_Returns400CommandNotFound()
    {
        var response = await Client.GetAsync($"sandboxes/{_sandbox}/exec/not-an-exec");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("COMMAND_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task Stream_ClientDisconnects_CommandKeepsRunning()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sandboxes/{_sandbox}/exec/stream")
        {
            Content = IsloTestClient.JsonBody("""{"command":["bash","-c","echo started; sleep 0.5; echo finished > /tmp/after-disconnect"]}"""),
        };
        using (var response = await Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.Token()))
        {
            await using var body = await response.Content.ReadAsStreamAsync(TestTimeouts.Token());
            var buffer = new byte[64];
            _ = await body.ReadAsync(buffer, TestTimeouts.Token());
        }

        await ProcessProbe.WaitUntilAsync(() => File.Exists(Path.Combine(fixture.StateDirectory, "sandboxes", _sandbox, "tmp", "after-disconnect")));

        var check = await Client.BashAsync(_sandbox, "cat /tmp/after-disconnect");
        Assert.Equal("finished\n", check.Stdout);
    }
}
