using System.IO.Pipelines;
using System.Net;
using System.Text;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    [Fact]
    public async Task PauseSandboxAsync_HeadersLate_FailsAfterResponseHeaderTimeout()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(WithToken(async (_, ct) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }));

        var call = client.PauseSandboxAsync("sb", Ct);
        await arrived.Task.WithTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        var earlyFinish = await Task.WhenAny(call, Task.Delay(50, Ct));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<IsloApiException>(() => call.WithTimeout());

        Assert.NotSame(call, earlyFinish);
        Assert.Equal("islo pause sandbox: no response headers within 30s", error.Message);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task GetSandboxAsync_FirstAttemptHeadersLate_RetriedAndSucceeds()
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(WithToken(async (_, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                firstArrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Respond.Json(SandboxJson)();
        }));

        var call = client.GetSandboxAsync("sb", Ct);
        await firstArrived.Task.WithTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        var sandbox = await call.WithTimeout();

        Assert.Equal("sb", sandbox.Name);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ExecStreamAsync_SlowBodyAfterHeaders_NotCutByHeaderTimeout()
    {
        var pipe = new Pipe();
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(WithToken((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(pipe.Reader.AsStream()),
        })));
        using var stdout = new MemoryStream();

        var call = client.ExecStreamAsync("sb", new IsloExecRequest { Command = ["sleep", "600"] }, stdout, Stream.Null, Ct);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("event: stdout\ndata: started\n\n"), Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("event: exit\ndata: 0\n\n"), Ct);
        await pipe.Writer.CompleteAsync();
        var exitCode = await call.WithTimeout();

        Assert.Equal(0, exitCode);
        Assert.Equal("started", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal(0, harness.Clock.ActiveTimers);
    }

    /// <summary>The header deadline of an upload starts once its body is written, not while it uploads.</summary>
    [Fact]
    public async Task UploadArchiveAsync_SlowArchive_HeaderTimeoutStartsAfterBody()
    {
        var archiveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodyRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(WithToken(async (request, ct) =>
        {
            await request.Content!.CopyToAsync(Stream.Null, ct);
            bodyRead.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }));

        var call = client.UploadArchiveAsync(
            "sb",
            "/workspace/crabbox",
            async (stream, ct) =>
            {
                writing.TrySetResult();
                await archiveGate.Task.WaitAsync(ct);
                await stream.WriteAsync("tar"u8.ToArray(), ct);
            },
            Ct);
        await writing.Task.WithTimeout();
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        archiveGate.SetResult();
        await bodyRead.Task.WithTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<IsloApiException>(() => call.WithTimeout());

        Assert.Equal("islo upload archive: no response headers within 30s", error.Message);
    }

    [Fact]
    public async Task GetSandboxAsync_CallerCancels_OperationCanceledNotRetried()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(WithToken(async (_, ct) =>
        {
            Interlocked.Increment(ref attempts);
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }));

        var call = client.GetSandboxAsync("sb", cancellation.Token);
        await arrived.Task.WithTimeout();
        await cancellation.CancelAsync();
        var error = await Record.ExceptionAsync(() => call.WithTimeout());

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, attempts);
    }

    private static DelegatingTestHandler WithToken(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> api) =>
        new((request, ct) => request.RequestUri!.AbsolutePath == IsloApiHarness.AuthPath
            ? Task.FromResult(Respond.Token(SessionToken)())
            : api(request, ct));
}
