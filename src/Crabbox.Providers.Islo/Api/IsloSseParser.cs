using System.Buffers;
using System.Globalization;
using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The byte-level Server-Sent Events state machine behind <see cref="IsloSseReader"/>. It is
/// fed chunks synchronously and queues <c>stdout</c>/<c>stderr</c> payloads on an
/// <see cref="IsloSseOutput"/>; it keeps no more than one event's pending data, bounded as the
/// reader documents. Rules: lines end at LF (a CR right before it is dropped, also across
/// chunks), at most <see cref="MaxLineBytes"/> each; a blank line or the end dispatches the
/// pending event; <c>:</c> lines are comments; a line without a colon is a field with an empty
/// value; one leading space of a value is removed; <c>event</c> sets the name (last wins),
/// <c>data</c> adds a payload line (joined with LF), other fields are ignored.
/// </summary>
internal sealed class IsloSseParser(Stream stdout, Stream stderr, IsloSseOutput output, Func<string, string> redact) : IDisposable
{
    public const int MaxLineBytes = 4 * 1024 * 1024;
    public const int MaxPendingBytes = 2 * MaxLineBytes;
    public const int WriteThroughBytes = 64 * 1024;

    private const int InitialPendingBytes = 16 * 1024;
    private const int NameBytes = 8;
    private const int MaxShownChars = 1024;

    private static readonly byte[] s_carriageReturn = [(byte)'\r'];
    private static readonly byte[] s_lineFeed = [(byte)'\n'];

    private readonly byte[] _field = new byte[NameBytes];
    private readonly byte[] _name = new byte[NameBytes];
    private byte[] _pending = ArrayPool<byte>.Shared.Rent(InitialPendingBytes);

    private LinePhase _phase;
    private FieldKind _fieldKind;
    private int _lineLength;
    private int _fieldLength;
    private bool _heldCarriageReturn;

    private int _nameLength;
    private int _pendingLength;
    private int _dataLines;
    private Stream? _writeThrough;

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

    /// <summary>The code of the last <c>exit</c> event; null until one arrives.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>The trimmed text of the last non-blank <c>error</c> event (not yet redacted).</summary>
    public string? StreamError { get; private set; }

    /// <summary>Parses the next bytes of the stream; throws <see cref="IsloStreamException"/> on a protocol violation.</summary>
    public void Consume(ReadOnlySpan<byte> chunk)
    {
        var position = 0;
        var count = chunk.Length;
        while (position < count)
        {
            if (_phase == LinePhase.Start && !_heldCarriageReturn)
            {
                position += ConsumeDataLines(chunk[position..]);
                if (position == count)
                {
                    return;
                }
            }

            var newline = chunk[position..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? count : position + newline;
            if (_heldCarriageReturn)
            {
                // A CR that ended the previous read is a terminator only if LF comes right after it.
                _heldCarriageReturn = false;
                if (lineEnd > position || newline < 0)
                {
                    Append(s_carriageReturn);
                }
            }

            var contentEnd = lineEnd;
            if (contentEnd > position && chunk[contentEnd - 1] == '\r')
            {
                contentEnd--;
                _heldCarriageReturn = newline < 0;
            }

            Append(chunk[position..contentEnd]);
            if (newline < 0)
            {
                return;
            }

            EndLine();
            position = lineEnd + 1;
        }
    }

    /// <summary>
    /// The fast path for the bulk of any large output: complete <c>data: </c> lines at the start of
    /// <paramref name="bytes"/> are added to the event as the state machine would add them, without
    /// going through it. It stops at the first other line, an incomplete one, one ending in CR or
    /// an over-long one, which the state machine then handles. Returns the bytes consumed.
    /// </summary>
    private int ConsumeDataLines(ReadOnlySpan<byte> bytes)
    {
        var consumed = 0;
        while (bytes.StartsWith("data: "u8))
        {
            var lineFeed = bytes.IndexOf((byte)'\n');
            if (lineFeed < 0 || lineFeed > MaxLineBytes || bytes[lineFeed - 1] == '\r')
            {
                break;
            }

            BeginDataLine();
            AppendData(bytes["data: "u8.Length..lineFeed]);
            consumed += lineFeed + 1;
            bytes = bytes[(lineFeed + 1)..];
        }

        return consumed;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _lineLength += bytes.Length;
        if (_lineLength > MaxLineBytes)
        {
            throw new IsloStreamException($"islo exec stream: line longer than {MaxLineBytes} bytes");
        }

        while (!bytes.IsEmpty)
        {
            switch (_phase)
            {
                case LinePhase.Start:
                    _phase = bytes[0] == ':' ? LinePhase.Comment : LinePhase.Field;
                    break;
                case LinePhase.Comment:
                    bytes = default;
                    break;
                case LinePhase.Field:
                    var colon = bytes.IndexOf((byte)':');
                    Remember(_field, ref _fieldLength, colon < 0 ? bytes : bytes[..colon]);
                    bytes = colon < 0 ? default : bytes[(colon + 1)..];
                    if (colon >= 0)
                    {
                        BeginValue();
                        _phase = LinePhase.ValueStart;
                    }

                    break;
                case LinePhase.ValueStart:
                    if (bytes[0] == ' ')
                    {
                        bytes = bytes[1..];
                    }

                    _phase = LinePhase.Value;
                    break;
                case LinePhase.Value:
                    if (_fieldKind == FieldKind.Data)
                    {
                        AppendData(bytes);
                    }
                    else if (_fieldKind == FieldKind.Event)
                    {
                        Remember(_name, ref _nameLength, bytes);
                    }

                    bytes = default;
                    break;
            }
        }
    }

    private void EndLine()
    {
        if (_phase == LinePhase.Start)
        {
            Dispatch();
        }
        else if (_phase == LinePhase.Field)
        {
            // A line without a colon is a field with an empty value.
            BeginValue();
        }

        _phase = LinePhase.Start;
        _lineLength = 0;
        _fieldLength = 0;
    }

    /// <summary>Ends the stream: the last line and the pending event count as complete.</summary>
    public void Finish()
    {
        // A CR at the very end is dropped like the terminator it would have been.
        _heldCarriageReturn = false;
        if (_phase != LinePhase.Start)
        {
            EndLine();
        }

        Dispatch();
    }

    private void BeginValue()
    {
        _fieldKind = FieldIs("data"u8) ? FieldKind.Data : FieldIs("event"u8) ? FieldKind.Event : FieldKind.Other;
        if (_fieldKind == FieldKind.Event)
        {
            _nameLength = 0;
        }
        else if (_fieldKind == FieldKind.Data)
        {
            BeginDataLine();
        }
    }

    private void BeginDataLine()
    {
        if (_dataLines > 0)
        {
            AppendData(s_lineFeed);
        }

        _dataLines++;
    }

    private void AppendData(ReadOnlySpan<byte> bytes)
    {
        if (_writeThrough is not null)
        {
            output.Emit(_writeThrough, bytes);
            return;
        }

        EnsurePendingCapacity(_pendingLength + bytes.Length);
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
        if (_pendingLength >= WriteThroughBytes && OutputFor(CurrentEvent()) is { } target)
        {
            _writeThrough = target;
            output.Emit(target, _pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }
    }

    private void Dispatch()
    {
        if (_nameLength == 0 && _dataLines == 0)
        {
            return;
        }

        var kind = CurrentEvent();
        if ((_writeThrough ?? OutputFor(kind)) is { } target)
        {
            output.Emit(target, _pending.AsSpan(0, _pendingLength));
        }
        else if (kind == EventKind.Exit)
        {
            ExitCode = ParseExitCode(_pending.AsSpan(0, _pendingLength));
        }
        else if (kind == EventKind.Error)
        {
            var message = Encoding.UTF8.GetString(_pending, 0, _pendingLength).Trim();
            if (message.Length > 0)
            {
                StreamError = message;
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
        EventKind.Stdout => stdout,
        EventKind.Stderr => stderr,
        _ => null,
    };

    private bool FieldIs(ReadOnlySpan<byte> value) =>
        _fieldLength == value.Length && _field.AsSpan(0, _fieldLength).SequenceEqual(value);

    private bool NameIs(ReadOnlySpan<byte> value) =>
        _nameLength == value.Length && _name.AsSpan(0, _nameLength).SequenceEqual(value);

    // Keeps the first bytes of a field or event name; only short names matter, the length tells the rest.
    private static void Remember(byte[] target, ref int length, ReadOnlySpan<byte> bytes)
    {
        var room = Math.Max(0, Math.Min(target.Length - length, bytes.Length));
        bytes[..room].CopyTo(target.AsSpan(Math.Min(length, target.Length)));
        length += bytes.Length;
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

    /// <summary>Text from the stream as it may appear in an error: redacted and cut short.</summary>
    public string Shown(string text)
    {
        var redacted = redact(text);
        return redacted.Length <= MaxShownChars ? redacted : redacted[..MaxShownChars];
    }

    public void Dispose()
    {
        if (_pending.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_pending);
            _pending = [];
        }
    }
}
