using System.Text;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// An exec event stream generated on the fly, never held in memory: <c>totalBytes</c> of
/// <c>x</c> as stdout, cut into data lines of <c>lineBytes</c>, <c>linesPerEvent</c> lines per
/// event, then <c>event: exit</c> with <c>exitCode</c>. Reads complete synchronously.
/// </summary>
internal sealed class GeneratedSseStream : Stream
{
    private static readonly byte[] s_firstEvent = Encoding.ASCII.GetBytes("event: stdout\ndata: ");
    private static readonly byte[] s_nextEvent = Encoding.ASCII.GetBytes("\n\nevent: stdout\ndata: ");
    private static readonly byte[] s_nextLine = Encoding.ASCII.GetBytes("\ndata: ");

    private readonly long _totalBytes;
    private readonly int _lineBytes;
    private readonly int _linesPerEvent;
    private readonly byte[] _trailer;
    private long _emittedData;
    private int _lineInEvent;
    private byte[] _pending = [];
    private int _pendingOffset;
    private int _pendingLength;
    private long _dataLeftInLine;
    private bool _finished;

    public GeneratedSseStream(long totalBytes, int lineBytes, int linesPerEvent, int exitCode)
    {
        _totalBytes = totalBytes;
        _lineBytes = lineBytes;
        _linesPerEvent = linesPerEvent;
        _trailer = Encoding.ASCII.GetBytes($"\n\nevent: exit\ndata: {exitCode}\n\n");
    }

    /// <summary>Data lines are joined by LF inside an event, so an event of n lines carries n - 1 extra bytes.</summary>
    public long ExpectedStdoutBytes =>
        _totalBytes + (((_totalBytes + _lineBytes - 1) / _lineBytes) - ((_totalBytes + ((long)_lineBytes * _linesPerEvent) - 1) / ((long)_lineBytes * _linesPerEvent)));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingLength > 0)
            {
                var n = Math.Min(_pendingLength, buffer.Length - written);
                _pending.AsSpan(_pendingOffset, n).CopyTo(buffer[written..]);
                _pendingOffset += n;
                _pendingLength -= n;
                written += n;
                continue;
            }

            if (_dataLeftInLine > 0)
            {
                var n = (int)Math.Min(_dataLeftInLine, buffer.Length - written);
                buffer.Slice(written, n).Fill((byte)'x');
                _dataLeftInLine -= n;
                _emittedData += n;
                written += n;
                continue;
            }

            if (_finished)
            {
                break;
            }

            NextSegment();
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Queues the framing before the next data line: an event header, a line break, or the end.
    private void NextSegment()
    {
        if (_emittedData >= _totalBytes)
        {
            SetPending(_trailer);
            _finished = true;
            return;
        }

        if (_emittedData == 0)
        {
            SetPending(s_firstEvent);
        }
        else if (_lineInEvent == _linesPerEvent)
        {
            SetPending(s_nextEvent);
            _lineInEvent = 0;
        }
        else
        {
            SetPending(s_nextLine);
        }

        _lineInEvent++;
        _dataLeftInLine = Math.Min(_lineBytes, _totalBytes - _emittedData);
    }

    private void SetPending(byte[] bytes)
    {
        _pending = bytes;
        _pendingOffset = 0;
        _pendingLength = bytes.Length;
    }
}
