using System.Net;
using System.Text;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed partial class IsloClientTests
{
    private const string UploadPath = "/sandboxes/sb/files-archive?path=%2Fworkspace%2Fcrabbox";

    [Fact]
    public async Task UploadArchiveAsync_Archive_StreamsOneMultipartFilePart()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, UploadPath, Respond.Json("""{"status":"ok"}"""));
        var client = harness.CreateClient();
        var archive = new byte[100_000];
        new Random(7).NextBytes(archive);

        await client.UploadArchiveAsync("sb", "/workspace/crabbox", (stream, ct) => stream.WriteAsync(archive, ct).AsTask(), Ct).WithTimeout();

        var upload = Assert.Single(harness.Sent(Post, UploadPath));
        Assert.Equal("/workspace/crabbox", Uri.UnescapeDataString(upload.Uri.Query["?path=".Length..]));
        Assert.Equal(SessionToken, upload.Bearer);
        Assert.Equal("application/json", upload.Accept);
        Assert.Null(upload.ContentLength);
        Assert.StartsWith("multipart/form-data; boundary=", upload.ContentType, StringComparison.Ordinal);
        var boundary = upload.ContentType!["multipart/form-data; boundary=".Length..];
        var head = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"archive.tar.gz\"\r\nContent-Type: application/gzip\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        Assert.Equal([.. head, .. archive, .. tail], upload.Body);
        Assert.Single(harness.Exchanges);
    }

    /// <summary>
    /// The archive reaches the server while the writer is still writing: the writer waits for its
    /// first megabyte to arrive before writing the second, which would deadlock if the body were
    /// buffered before sending.
    /// </summary>
    [Fact]
    public async Task UploadArchiveAsync_Body_ReachesServerWhileStillBeingWritten()
    {
        var received = new ProgressStream();
        var handler = new DelegatingTestHandler(async (request, ct) =>
        {
            if (request.RequestUri!.AbsolutePath == IsloApiHarness.AuthPath)
            {
                return Respond.Token(SessionToken)();
            }

            await request.Content!.CopyToAsync(received, ct);
            return Respond.Json("""{"status":"ok"}""")();
        });
        using var harness = new IsloApiHarness();
        var client = harness.CreateClient(handler);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');

        await client.UploadArchiveAsync(
            "sb",
            "/workspace/crabbox",
            async (stream, ct) =>
            {
                await stream.WriteAsync(chunk, ct);
                await received.WaitForAsync(chunk.Length, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
                await stream.WriteAsync(chunk, ct);
            },
            Ct).WithTimeout();

        Assert.InRange(received.Length, 2 * chunk.Length, (2 * chunk.Length) + 512);
    }

    [Fact]
    public async Task UploadArchiveAsync_ServerError_NotRetriedSnippetUpTo4096()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, UploadPath, Respond.Text(HttpStatusCode.InternalServerError, new string('u', 6000)));
        var client = harness.CreateClient();

        var error = await Assert.ThrowsAsync<IsloApiException>(
            () => client.UploadArchiveAsync("sb", "/workspace/crabbox", (s, ct) => s.WriteAsync(new byte[10], ct).AsTask(), Ct).WithTimeout());

        Assert.Equal("islo upload archive 500 Internal Server Error: " + new string('u', 4096), error.Message);
        Assert.Single(harness.Sent(Post, UploadPath));
    }

    [Fact]
    public async Task UploadArchiveAsync_WriterFails_WritersExceptionPropagates()
    {
        using var harness = new IsloApiHarness();
        harness.On(Post, UploadPath, Respond.Json("""{"status":"ok"}"""));
        var client = harness.CreateClient();
        var failure = new CrabboxException(ExitCodes.Sync, "sync: file changed while archiving");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => client.UploadArchiveAsync("sb", "/workspace/crabbox", (_, _) => throw failure, Ct).WithTimeout());

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task UploadArchiveAsync_Unauthorized_ReexchangesAndWritesArchiveAgain()
    {
        using var harness = new IsloApiHarness();
        harness.OnToken(Respond.Token(SessionToken), Respond.Token(SecondSessionToken));
        harness.On(Post, UploadPath, Respond.Status(HttpStatusCode.Unauthorized), Respond.Json("""{"status":"ok"}"""));
        var client = harness.CreateClient();
        var writes = 0;

        await client.UploadArchiveAsync(
            "sb",
            "/workspace/crabbox",
            async (stream, ct) =>
            {
                Interlocked.Increment(ref writes);
                await stream.WriteAsync("tarball"u8.ToArray(), ct);
            },
            Ct).WithTimeout();

        Assert.Equal(2, writes);
        var uploads = harness.Sent(Post, UploadPath);
        Assert.Equal([SessionToken, SecondSessionToken], uploads.Select(u => u.Bearer));
        Assert.Contains("tarball", uploads[1].BodyText, StringComparison.Ordinal);
    }

    /// <summary>A sink that records how many bytes arrived and lets a test wait for a count.</summary>
    private sealed class ProgressStream : Stream
    {
        private readonly Lock _gate = new();
        private readonly List<(long Bytes, TaskCompletionSource Done)> _waiters = [];
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length
        {
            get
            {
                lock (_gate)
                {
                    return _length;
                }
            }
        }

        public override long Position
        {
            get => Length;
            set => throw new NotSupportedException();
        }

        public Task WaitForAsync(long bytes, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_length >= bytes)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((bytes, done));
                return done.Task.WaitAsync(cancellationToken);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_gate)
            {
                _length += buffer.Length;
                foreach (var waiter in _waiters.Where(w => w.Bytes <= _length).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
