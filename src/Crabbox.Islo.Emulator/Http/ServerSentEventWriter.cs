using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Writes <c>text/event-stream</c> frames. Events are framed into one reused buffer and sent by
/// <see cref="FlushAsync"/>, so a caller can batch the events that are ready into one write and one
/// flush. A payload holding <c>\n</c> becomes several <c>data:</c> lines, which a client joins back
/// with <c>\n</c>. A <c>\r</c> cannot be represented faithfully: it is sent as is, and clients that
/// strip a CR before LF lose it.
/// </summary>
internal sealed class ServerSentEventWriter(HttpResponse response)
{
    private static readonly byte[] s_dataLine = "\ndata: "u8.ToArray();

    private readonly ArrayBufferWriter<byte> _frames = new(64 * 1024);

    /// <summary>Bytes framed and not sent yet.</summary>
    public int Buffered => _frames.WrittenCount;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Frames one event with a UTF-8 payload; it is sent by the next <see cref="FlushAsync"/>.</summary>
    public void Append(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data) => Frame(name, data, _frames);

    /// <summary>Frames one event and sends it with anything framed before it.</summary>
    public Task WriteEventAsync(string name, string data, CancellationToken cancellationToken)
    {
        Append(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(data));
        return FlushAsync(cancellationToken);
    }

    public Task WriteCommentAsync(string text, CancellationToken cancellationToken)
    {
        _frames.Write(Encoding.UTF8.GetBytes($": {text}\n\n"));
        return FlushAsync(cancellationToken);
    }

    /// <summary>Sends everything framed so far in one write and flushes it to the client.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_frames.WrittenCount > 0)
        {
            await response.Body.WriteAsync(_frames.WrittenMemory, cancellationToken);
            _frames.ResetWrittenCount();
        }

        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The frame of one event, as text (for tests and small events).</summary>
    public static string Format(string name, string data)
    {
        var frame = new ArrayBufferWriter<byte>();
        Frame(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(data), frame);
        return Encoding.UTF8.GetString(frame.WrittenSpan);
    }

    /// <summary>Writes <c>event: name</c>, one <c>data:</c> line per line of <paramref name="data"/>, and the blank line.</summary>
    public static void Frame(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        var lineFeeds = data.Count((byte)'\n');
        var size = "event: "u8.Length + name.Length + s_dataLine.Length + data.Length + (lineFeeds * (s_dataLine.Length - 1)) + 2;
        var span = output.GetSpan(size);
        var position = Put(span, 0, "event: "u8);
        position = Put(span, position, name);
        position = Put(span, position, s_dataLine);
        while (data.IndexOf((byte)'\n') is var lineFeed and >= 0)
        {
            position = Put(span, position, data[..lineFeed]);
            position = Put(span, position, s_dataLine);
            data = data[(lineFeed + 1)..];
        }

        position = Put(span, position, data);
        position = Put(span, position, "\n\n"u8);
        output.Advance(position);
    }

    private static int Put(Span<byte> span, int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[position..]);
        return position + bytes.Length;
    }
}
