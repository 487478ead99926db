using System.IO.Pipelines;
using System.Text;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloSseReaderTests
{
    private const string Fixture = "event: stdout\ndata: hello\n\nevent: stderr\ndata: warn\n\nevent: exit\ndata: 7\n\n";

    [Fact]
    public async Task RelayAsync_ReferenceFixture_WritesOutputAndReturnsExitCode()
    {
        var run = new Run(Fixture);

        var exitCode = await run.RelayAsync();

        Assert.Equal(7, exitCode);
        Assert.Equal("hello", run.Stdout);
        Assert.Equal("warn", run.Stderr);
    }

    /// <summary>Every split point of the fixture (as two reads), and one byte per read, give the same result.</summary>
    [Theory]
    [InlineData(Fixture)]
    [InlineData("event: stdout\r\ndata: hello\r\n\r\n: keepalive\r\nevent: stderr\r\ndata: warn\r\n\r\nevent: exit\r\ndata: 7\r\n\r\n")]
    [InlineData("event: stdout\ndata: he\ndata: llo\n\nevent: stderr\ndata:  warn\n\nevent: exit\ndata:7")]
    public async Task RelayAsync_SplitAtEveryByteBoundary_SameResult(string fixture)
    {
        var bytes = Encoding.UTF8.GetBytes(fixture);
        var expectedStdout = fixture.Contains("he\ndata: llo", StringComparison.Ordinal) ? "he\nllo" : "hello";
        var expectedStderr = fixture.Contains("data:  warn", StringComparison.Ordinal) ? " warn" : "warn";
        var splits = Enumerable.Range(1, bytes.Length - 1).Select(split => new[] { split, bytes.Length }).Append([1]);

        foreach (var chunks in splits)
        {
            var run = new Run(new ChunkedReadStream(bytes, chunks));

            var exitCode = await run.RelayAsync();

            Assert.Equal((7, expectedStdout, expectedStderr), (exitCode, run.Stdout, run.Stderr));
        }
    }

    /// <summary>
    /// Whole <c>data: </c> lines take a fast path when a read holds them complete; one byte per
    /// read never does. Streams mixing every kind of line, with events below and above
    /// <see cref="IsloSseReader.WriteThroughBytes"/>, relay the same whatever the read sizes.
    /// </summary>
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 40)]
    [InlineData(3, 2500)]
    public async Task RelayAsync_DataLinesInAnyReadSizes_SameAsOneBytePerRead(int seed, int lines)
    {
        var bytes = Encoding.UTF8.GetBytes(MixedStream(new Random(seed), lines));
        var expected = await RelayInReads(bytes, 1);

        foreach (var readSize in new[] { 2, 5, 6, 7, 64, 4096, bytes.Length })
        {
            Assert.Equal(expected, await RelayInReads(bytes, readSize));
        }

        Assert.Equal(0, expected.ExitCode);
        Assert.NotEmpty(expected.Stdout);
        Assert.NotEmpty(expected.Stderr);
    }

    [Fact]
    public async Task RelayAsync_CrLfLineEndings_CarriageReturnsStripped()
    {
        var run = new Run("event: stdout\r\ndata: a\r\ndata: b\r\n\r\nevent: exit\r\ndata: 0\r\n\r\n");

        var exitCode = await run.RelayAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("a\nb", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_CarriageReturnInsideLine_Kept()
    {
        var run = new Run("event: stdout\ndata: 50%\r100%\n\nevent: exit\ndata: 0\n");

        await run.RelayAsync();

        Assert.Equal("50%\r100%", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_CommentLines_Ignored()
    {
        var run = new Run(": keepalive\nevent: stdout\n: between\ndata: x\n\n:\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("x", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_MultiLineData_JoinedWithLineFeedNothingAppended()
    {
        var run = new Run("event: stdout\ndata: line one\ndata: line two\ndata:\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("line one\nline two\n", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_AdjacentStdoutEvents_ConcatenatedWithoutSeparator()
    {
        var run = new Run("event: stdout\ndata: ab\n\nevent: stdout\ndata: cd\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("abcd", run.Stdout);
    }

    [Theory]
    [InlineData("data:  two spaces", " two spaces")]
    [InlineData("data:no space", "no space")]
    [InlineData("data: \ttab", "\ttab")]
    [InlineData("data", "")]
    [InlineData("data: a: b", "a: b")]
    public async Task RelayAsync_DataValue_OneLeadingSpaceRemoved(string line, string expected)
    {
        var run = new Run($"event: stdout\n{line}\ndata: |\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal(expected + "\n|", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_UnknownEventsAndFields_Ignored()
    {
        var run = new Run("event: heartbeat\ndata: tick\n\ndata: nameless\n\nid: 7\nretry: 100\nevent: stdout\nfoo: bar\ndata: ok\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("ok", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task RelayAsync_SeveralEventLines_LastNameWins()
    {
        var run = new Run("event: stdout\nevent: stderr\ndata: routed\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("", run.Stdout);
        Assert.Equal("routed", run.Stderr);
    }

    [Fact]
    public async Task RelayAsync_DataBeforeEventLine_RoutedByName()
    {
        var run = new Run("data: early\nevent: stdout\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal("early", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_LastEventWithoutBlankLine_DispatchedAtEnd()
    {
        var run = new Run("event: stdout\ndata: tail\n\nevent: exit\ndata: 3");

        var exitCode = await run.RelayAsync();

        Assert.Equal(3, exitCode);
        Assert.Equal("tail", run.Stdout);
    }

    [Theory]
    [InlineData(" 42 ", 42)]
    [InlineData("-1", -1)]
    [InlineData("+5", 5)]
    [InlineData("0", 0)]
    public async Task RelayAsync_ExitPayload_TrimmedBase10(string payload, int expected)
    {
        var run = new Run($"event: exit\ndata: {payload}\n\n");

        var exitCode = await run.RelayAsync();

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task RelayAsync_MissingExit_ThrowsAfterWritingPartialOutput()
    {
        var run = new Run("event: stdout\ndata: partial\n\nevent: stderr\ndata: oops\n\n");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal("islo exec stream ended without exit event", error.Message);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Equal("partial", run.Stdout);
        Assert.Equal("oops", run.Stderr);
    }

    [Fact]
    public async Task RelayAsync_EmptyStream_ThrowsWithoutExitEvent()
    {
        var run = new Run("");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal("islo exec stream ended without exit event", error.Message);
    }

    [Fact]
    public async Task RelayAsync_ErrorWithoutExit_ThrowsErrorPayload()
    {
        var run = new Run("event: stdout\ndata: before\n\nevent: error\ndata:  vm exec failed: out of memory \n\n");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal("islo exec stream error: vm exec failed: out of memory", error.Message);
        Assert.Equal("before", run.Stdout);
    }

    [Fact]
    public async Task RelayAsync_ErrorThenExit_ExitWins()
    {
        var run = new Run("event: error\ndata: transient\n\nevent: exit\ndata: 2\n\n");

        var exitCode = await run.RelayAsync();

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task RelayAsync_ErrorPayloadWithSecrets_Redacted()
    {
        var redactor = new IsloRedactor("ak_sse_key_0123456789");
        redactor.Add("jwt.session.token");
        var run = new Run("event: error\ndata: quota exceeded for jwt.session.token (Bearer jwt.session.token)\n\n", redactor.Redact);

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Contains("quota exceeded", error.Message, StringComparison.Ordinal);
        Assert.Contains(IsloRedactor.Marker, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jwt.session.token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope", "islo exec stream invalid exit event \"nope\": invalid syntax")]
    [InlineData("7.5", "islo exec stream invalid exit event \"7.5\": invalid syntax")]
    [InlineData("", "islo exec stream invalid exit event \"\": invalid syntax")]
    [InlineData("99999999999", "islo exec stream invalid exit event \"99999999999\": value out of range")]
    public async Task RelayAsync_InvalidExit_ThrowsNamingPayload(string payload, string expected)
    {
        var run = new Run($"event: exit\ndata: {payload}\n\n");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal(expected, error.Message);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
    }

    [Fact]
    public async Task RelayAsync_LineOfMaximumLength_Relayed()
    {
        var payload = new string('y', IsloSseReader.MaxLineBytes - "data: ".Length);
        var run = new Run($"event: stdout\ndata: {payload}\n\nevent: exit\ndata: 0\n\n");

        await run.RelayAsync();

        Assert.Equal(payload.Length, run.Stdout.Length);
    }

    [Fact]
    public async Task RelayAsync_LineLongerThanMaximum_Throws()
    {
        var payload = new string('y', IsloSseReader.MaxLineBytes - "data: ".Length + 1);
        var run = new Run($"event: stdout\ndata: {payload}\n\nevent: exit\ndata: 0\n\n");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal($"islo exec stream: line longer than {IsloSseReader.MaxLineBytes} bytes", error.Message);
    }

    [Fact]
    public async Task RelayAsync_HugeEventOfUnroutedType_RejectedOnceBoundReached()
    {
        var line = "data: " + new string('z', 1024 * 1024) + "\n";
        var run = new Run("event: exit\n" + string.Concat(Enumerable.Repeat(line, 9)) + "\n");

        var error = await Assert.ThrowsAsync<IsloStreamException>(run.RelayAsync);

        Assert.Equal($"islo exec stream: event data longer than {IsloSseReader.MaxPendingBytes} bytes", error.Message);
    }

    /// <summary>Output is live: an event reaches stdout (and is flushed) before the stream goes on.</summary>
    [Fact]
    public async Task RelayAsync_StdoutEvent_WrittenAndFlushedBeforeStreamEnds()
    {
        var pipe = new Pipe();
        var stdout = new NotifyingStream();
        var relay = IsloSseReader.RelayAsync(pipe.Reader.AsStream(), stdout, Stream.Null, s => s, TestContext.Current.CancellationToken);

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("event: stdout\ndata: first\n\n"), TestContext.Current.CancellationToken);
        var firstFlush = await stdout.Flushed.Task.WithTimeout();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("event: exit\ndata: 0\n\n"), TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();
        var exitCode = await relay.WithTimeout();

        Assert.Equal("first", firstFlush);
        Assert.Equal(0, exitCode);
    }

    /// <summary>
    /// 100 MB of stdout relayed through a generated stream into a counting sink: every read and
    /// write completes synchronously, so the whole relay runs on this thread and its allocation
    /// counter sees everything the reader allocates.
    /// </summary>
    [Theory]
    [InlineData(16 * 1024, 1)]
    [InlineData(1024 * 1024, 1000)]
    [InlineData(100, 10)]
    public async Task RelayAsync_HundredMegabytes_MemoryStaysFlat(int lineBytes, int linesPerEvent)
    {
        const long total = 100L * 1024 * 1024;
        var source = new GeneratedSseStream(total, lineBytes, linesPerEvent, exitCode: 9);
        var stdout = new CountingStream((byte)'x');
        var stderr = new CountingStream((byte)'x');
        var before = GC.GetAllocatedBytesForCurrentThread();

        var relay = IsloSseReader.RelayAsync(source, stdout, stderr, s => s, TestContext.Current.CancellationToken);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(relay.IsCompletedSuccessfully, "the relay should have run synchronously");
        Assert.Equal(9, await relay);
        Assert.Equal(source.ExpectedStdoutBytes, stdout.Bytes);
        Assert.Equal(source.ExpectedStdoutBytes - total, stdout.UnexpectedBytes);
        Assert.Equal(0, stderr.Bytes);
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated} bytes relaying {total} bytes");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RelayInReads(byte[] bytes, int readSize)
    {
        var run = new Run(new ChunkedReadStream(bytes, readSize));
        var exitCode = await run.RelayAsync();
        return (exitCode, run.Stdout, run.Stderr);
    }

    // Events of every shape the parser accepts: "data: " lines (the fast path) among "data:" and
    // "data:  " lines, CRLF ends, CRs inside lines, comments, unknown fields and events, and large events.
    private static string MixedStream(Random random, int lines)
    {
        string[] values = ["", "x", "héllo ✓ 🦀", "a: b", " lead", "50%\r100%", "data: nested", "\t", new string('y', 300)];
        string[] prefixes = ["data: ", "data: ", "data: ", "data:", "data:  ", "data"];
        var text = new StringBuilder("event: stdout\ndata: start\n\n");
        var written = 0;
        while (written < lines)
        {
            text.Append(random.Next(6) switch
            {
                0 => "event: stderr\n",
                1 => ": keep-alive\nevent: stdout\n",
                2 => "id: 1\nevent: other\n",
                _ => "event: stdout\n",
            });
            // Now and then an event long enough to be written through before it ends.
            var count = random.Next(10) == 0 ? 2000 : random.Next(1, 8);
            for (var line = 0; line < count; line++, written++)
            {
                var prefix = prefixes[random.Next(prefixes.Length)];
                var value = prefix == "data" ? "" : values[random.Next(values.Length)];
                text.Append(prefix).Append(value).Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }

            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        return text.Append("event: stderr\ndata: done\n\nevent: exit\ndata: 0\n\n").ToString();
    }

    private sealed class Run(Stream source, Func<string, string>? redact = null)
    {
        // MemoryStream holds no unmanaged resources; these live as long as the test.
        private MemoryStream StdoutSink { get; } = new();

        private MemoryStream StderrSink { get; } = new();

        public Run(string text, Func<string, string>? redact = null)
            : this(new MemoryStream(Encoding.UTF8.GetBytes(text)), redact)
        {
        }

        public string Stdout => Encoding.UTF8.GetString(StdoutSink.ToArray());

        public string Stderr => Encoding.UTF8.GetString(StderrSink.ToArray());

        public Task<int> RelayAsync() =>
            IsloSseReader.RelayAsync(source, StdoutSink, StderrSink, redact ?? (s => s), TestContext.Current.CancellationToken).WithTimeout();
    }

    private sealed class NotifyingStream : MemoryStream
    {
        public TaskCompletionSource<string> Flushed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushed.TrySetResult(Encoding.UTF8.GetString(ToArray()));
            return Task.CompletedTask;
        }
    }
}
