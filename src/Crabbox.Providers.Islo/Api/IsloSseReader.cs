using System.Buffers;
using System.Globalization;
using System.Text;

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
/// Memory stays flat for any output size: one reusable read buffer, and an event's data is
/// buffered only until it reaches <see cref="WriteThroughBytes"/>. From then on, if the event is
/// already named <c>stdout</c>/<c>stderr</c>, its data (buffered and later) goes straight to
/// that stream and stays there even if a later <c>event:</c> line in the same block renames it.
/// Data of any other event is buffered up to <see cref="MaxPendingBytes"/> (two maximal lines),
/// then the stream is rejected.
/// </remarks>
internal sealed class IsloSseReader
{
    public const int MaxLineBytes = 4 * 1024 * 1024;
    public const int MaxPendingBytes = 2 * MaxLineBytes;
    public const int WriteThroughBytes = 64 * 1024;

    private const int ReadBufferBytes = 64 * 1024;
    private const int InitialPendingBytes = 16 * 1024;
    private const int NameBytes = 8;
    private const int MaxShownChars = 1024;

    private static readonly byte[] s_carriageReturn = [(byte)'\r'];
    private static readonly byte[] s_lineFeed = [(byte)'\n'];

    private readonly Stream _stdout;
    private readonly Stream _stderr;
    private readonly Func<string, string> _redact;

    private readonly byte[] _field = new byte[NameBytes];
    private readonly byte[] _name = new byte[NameBytes];
    private byte[] _read = [];
    private byte[] _pending = [];

    private LinePhase _phase;
    private FieldKind _fieldKind;
    private int _lineLength;
    private int _fieldLength;
    private bool _heldCarriageReturn;

    private int _nameLength;
    private int _pendingLength;
    private int _dataLines;
    private Stream? _writeThrough;

    private int? _exitCode;
    private string? _streamError;

    private IsloSseReader(Stream stdout, Stream stderr, Func<string, string> redact)
    {
        _stdout = stdout;
        _stderr = stderr;
        _redact = redact;
    }

    private enum LinePhase
    {
        Start,
        Comment,
        Field,
        ValueStart,
        Value,
    }

    private enum FieldKind
    {
        Other,
        Event,
        Data,
    }

    private enum EventKind
    {
        Other,
        Stdout,
        Stderr,
        Exit,
        Error,
    }

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
        var reader = new IsloSseReader(stdout, stderr, redact);
        try
        {
            return await reader.RunAsync(source, cancellationToken);
        }
        finally
        {
            reader.ReturnBuffers();
        }
    }

    private async Task<int> RunAsync(Stream source, CancellationToken cancellationToken)
    {
        _read = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        _pending = ArrayPool<byte>.Shared.Rent(InitialPendingBytes);
        int count;
        while ((count = await source.ReadAsync(_read.AsMemory(0, ReadBufferBytes), cancellationToken)) > 0)
        {
            await ConsumeAsync(count, cancellationToken);
        }

        await FinishAsync(cancellationToken);
        if (_exitCode is { } exitCode)
        {
            return exitCode;
        }

        if (_streamError is not null)
        {
            throw new IsloStreamException("islo exec stream error: " + Shown(_streamError));
        }

        throw new IsloStreamException("islo exec stream ended without exit event");
    }

    private async ValueTask ConsumeAsync(int count, CancellationToken cancellationToken)
    {
        var position = 0;
        while (position < count)
        {
            var newline = _read.AsSpan(position, count - position).IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? count : position + newline;
            if (_heldCarriageReturn)
            {
                // A CR that ended the previous read is a terminator only if LF comes right after it.
                _heldCarriageReturn = false;
                if (lineEnd > position || newline < 0)
                {
                    await AppendAsync(s_carriageReturn, 0, 1, cancellationToken);
                }
            }

            var contentEnd = lineEnd;
            if (contentEnd > position && _read[contentEnd - 1] == '\r')
            {
                contentEnd--;
                _heldCarriageReturn = newline < 0;
            }

            await AppendAsync(_read, position, contentEnd, cancellationToken);
            if (newline < 0)
            {
                return;
            }

            await EndLineAsync(cancellationToken);
            position = lineEnd + 1;
        }
    }

    private async ValueTask AppendAsync(byte[] source, int start, int end, CancellationToken cancellationToken)
    {
        _lineLength += end - start;
        if (_lineLength > MaxLineBytes)
        {
            throw new IsloStreamException($"islo exec stream: line longer than {MaxLineBytes} bytes");
        }

        while (start < end)
        {
            switch (_phase)
            {
                case LinePhase.Start:
                    _phase = source[start] == ':' ? LinePhase.Comment : LinePhase.Field;
                    break;
                case LinePhase.Comment:
                    start = end;
                    break;
                case LinePhase.Field:
                    var colon = source.AsSpan(start, end - start).IndexOf((byte)':');
                    var fieldEnd = colon < 0 ? end : start + colon;
                    Remember(_field, ref _fieldLength, source, start, fieldEnd);
                    start = fieldEnd;
                    if (colon >= 0)
                    {
                        await BeginValueAsync(cancellationToken);
                        _phase = LinePhase.ValueStart;
                        start++;
                    }

                    break;
                case LinePhase.ValueStart:
                    if (source[start] == ' ')
                    {
                        start++;
                    }

                    _phase = LinePhase.Value;
                    break;
                case LinePhase.Value:
                    if (_fieldKind == FieldKind.Data)
                    {
                        await AppendDataAsync(source, start, end, cancellationToken);
                    }
                    else if (_fieldKind == FieldKind.Event)
                    {
                        Remember(_name, ref _nameLength, source, start, end);
                    }

                    start = end;
                    break;
            }
        }
    }

    private async ValueTask EndLineAsync(CancellationToken cancellationToken)
    {
        if (_phase == LinePhase.Start)
        {
            await DispatchAsync(cancellationToken);
        }
        else if (_phase == LinePhase.Field)
        {
            // A line without a colon is a field with an empty value.
            await BeginValueAsync(cancellationToken);
        }

        _phase = LinePhase.Start;
        _lineLength = 0;
        _fieldLength = 0;
    }

    private async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        // A CR at the very end is dropped like the terminator it would have been.
        _heldCarriageReturn = false;
        if (_phase != LinePhase.Start)
        {
            await EndLineAsync(cancellationToken);
        }

        await DispatchAsync(cancellationToken);
    }

    private async ValueTask BeginValueAsync(CancellationToken cancellationToken)
    {
        _fieldKind = FieldIs("data"u8) ? FieldKind.Data : FieldIs("event"u8) ? FieldKind.Event : FieldKind.Other;
        if (_fieldKind == FieldKind.Event)
        {
            _nameLength = 0;
        }
        else if (_fieldKind == FieldKind.Data)
        {
            if (_dataLines > 0)
            {
                await AppendDataAsync(s_lineFeed, 0, 1, cancellationToken);
            }

            _dataLines++;
        }
    }

    private async ValueTask AppendDataAsync(byte[] source, int start, int end, CancellationToken cancellationToken)
    {
        var length = end - start;
        if (_writeThrough is not null)
        {
            await _writeThrough.WriteAsync(source.AsMemory(start, length), cancellationToken);
            return;
        }

        EnsurePendingCapacity(_pendingLength + length);
        Buffer.BlockCopy(source, start, _pending, _pendingLength, length);
        _pendingLength += length;
        if (_pendingLength >= WriteThroughBytes && OutputFor(CurrentEvent()) is { } output)
        {
            _writeThrough = output;
            await output.WriteAsync(_pending.AsMemory(0, _pendingLength), cancellationToken);
            _pendingLength = 0;
        }
    }

    private async ValueTask DispatchAsync(CancellationToken cancellationToken)
    {
        if (_nameLength == 0 && _dataLines == 0)
        {
            return;
        }

        var kind = CurrentEvent();
        if ((_writeThrough ?? OutputFor(kind)) is { } output)
        {
            if (_pendingLength > 0)
            {
                await output.WriteAsync(_pending.AsMemory(0, _pendingLength), cancellationToken);
            }

            await output.FlushAsync(cancellationToken);
        }
        else if (kind == EventKind.Exit)
        {
            _exitCode = ParseExitCode(_pending.AsSpan(0, _pendingLength));
        }
        else if (kind == EventKind.Error)
        {
            var message = Encoding.UTF8.GetString(_pending, 0, _pendingLength).Trim();
            if (message.Length > 0)
            {
                _streamError = message;
            }
        }

        _nameLength = 0;
        _pendingLength = 0;
        _dataLines = 0;
        _writeThrough = null;
    }

    private int ParseExitCode(ReadOnlySpan<byte> payload)
    {
        var text = payload[System.Text.Ascii.Trim(payload)];
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode))
        {
            return exitCode;
        }

        var digits = text.Length > 0 && text[0] is (byte)'+' or (byte)'-' ? text[1..] : text;
        var reason = digits.Length > 0 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            ? "value out of range"
            : "invalid syntax";
        throw new IsloStreamException($"islo exec stream invalid exit event \"{Shown(Encoding.UTF8.GetString(text))}\": {reason}");
    }

    private EventKind CurrentEvent() =>
        NameIs("stdout"u8) ? EventKind.Stdout
        : NameIs("stderr"u8) ? EventKind.Stderr
        : NameIs("exit"u8) ? EventKind.Exit
        : NameIs("error"u8) ? EventKind.Error
        : EventKind.Other;

    private Stream? OutputFor(EventKind kind) => kind switch
    {
        EventKind.Stdout => _stdout,
        EventKind.Stderr => _stderr,
        _ => null,
    };

    private bool FieldIs(ReadOnlySpan<byte> value) =>
        _fieldLength == value.Length && _field.AsSpan(0, _fieldLength).SequenceEqual(value);

    private bool NameIs(ReadOnlySpan<byte> value) =>
        _nameLength == value.Length && _name.AsSpan(0, _nameLength).SequenceEqual(value);

    // Keeps the first bytes of a field or event name; only short names matter, the length tells the rest.
    private static void Remember(byte[] target, ref int length, byte[] source, int start, int end)
    {
        var room = Math.Max(0, Math.Min(target.Length - length, end - start));
        source.AsSpan(start, room).CopyTo(target.AsSpan(Math.Min(length, target.Length)));
        length += end - start;
    }

    private void EnsurePendingCapacity(int needed)
    {
        if (needed <= _pending.Length)
        {
            return;
        }

        if (needed > MaxPendingBytes)
        {
            throw new IsloStreamException($"islo exec stream: event data longer than {MaxPendingBytes} bytes");
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(needed, _pending.Length * 2), MaxPendingBytes));
        Buffer.BlockCopy(_pending, 0, larger, 0, _pendingLength);
        ArrayPool<byte>.Shared.Return(_pending);
        _pending = larger;
    }

    private string Shown(string text)
    {
        var redacted = _redact(text);
        return redacted.Length <= MaxShownChars ? redacted : redacted[..MaxShownChars];
    }

    private void ReturnBuffers()
    {
        if (_read.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_read);
        }

        if (_pending.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_pending);
        }

        _read = [];
        _pending = [];
    }
}
