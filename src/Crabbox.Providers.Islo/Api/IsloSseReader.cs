using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Relays an Islo exec event stream (Server-Sent Events) byte by byte, without decoding text.
/// Lines end at LF (a CR before it is dropped) and may be at most <see cref="MaxLineBytes"/>;
/// a blank line dispatches the pending event and end of input dispatches it too; <c>:</c> lines
/// are comments; <c>field:value</c> loses one leading space of the value; <c>event</c> names the
/// event (last wins), each <c>data</c> line adds a line to the payload (joined with LF); other
/// fields are ignored. <c>stdout</c>/<c>stderr</c> payloads are written unchanged and flushed,
/// <c>exit</c> records the code (trimmed, base 10), <c>error</c> remembers its text, other
/// events are dropped. Only an <c>exit</c> event makes the stream succeed.
/// </summary>
/// <remarks>
/// Memory stays flat for any output size. Each read is parsed synchronously (no per-line async
/// work), and the output it produced is then written, in order, and flushed before the next
/// read: output is as live as the bytes that arrive. An event's data is buffered only until it
/// reaches <see cref="WriteThroughBytes"/>; from then on, if the event is already named
/// <c>stdout</c>/<c>stderr</c>, its data goes straight to that stream and stays there even if a
/// later <c>event:</c> line in the same block renames it. Data of any other event is buffered up
/// to <see cref="MaxPendingBytes"/> (two maximal lines), then the stream is rejected.
/// </remarks>
internal static class IsloSseReader
{
    public const int MaxLineBytes = IsloSseParser.MaxLineBytes;
    public const int MaxPendingBytes = IsloSseParser.MaxPendingBytes;
    public const int WriteThroughBytes = IsloSseParser.WriteThroughBytes;

    // Large reads: the emulator sends output in chunks of up to a few hundred KiB.
    private const int ReadBufferBytes = 128 * 1024;

    /// <summary>
    /// Relays <paramref name="source"/> to <paramref name="stdout"/>/<paramref name="stderr"/> and
    /// returns the remote exit code. Throws <see cref="IsloStreamException"/> when the stream ends
    /// without an <c>exit</c> event (with the <c>error</c> event's text, passed through
    /// <paramref name="redact"/>, when there was one), on an invalid exit code, an over-long line
    /// or over-large event. Output relayed before a failure stays written.
    /// </summary>
    public static async Task<int> RelayAsync(
        Stream source,
        Stream stdout,
        Stream stderr,
        Func<string, string> redact,
        CancellationToken cancellationToken)
    {
        using var output = new IsloSseOutput();
        using var parser = new IsloSseParser(stdout, stderr, output, redact);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        try
        {
            int count;
            do
            {
                count = await source.ReadAsync(buffer.AsMemory(0, ReadBufferBytes), cancellationToken);
                ExceptionDispatchInfo? failure = null;
                try
                {
                    if (count > 0)
                    {
                        parser.Consume(buffer.AsSpan(0, count));
                    }
                    else
                    {
                        parser.Finish();
                    }
                }
                catch (IsloStreamException ex)
                {
                    // Output parsed before the failure is still relayed.
                    failure = ExceptionDispatchInfo.Capture(ex);
                }

                await output.WriteAsync(cancellationToken);
                failure?.Throw();
            }
            while (count > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (parser.ExitCode is { } exitCode)
        {
            return exitCode;
        }

        if (parser.StreamError is { } streamError)
        {
            throw new IsloStreamException("islo exec stream error: " + parser.Shown(streamError));
        }

        throw new IsloStreamException("islo exec stream ended without exit event");
    }
}
