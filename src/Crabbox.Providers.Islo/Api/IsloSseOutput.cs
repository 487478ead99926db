using System.Buffers;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Output queued while one chunk of the event stream is parsed, written in order (and each
/// touched stream flushed) once the chunk is done. Parsing stays synchronous and allocation-free;
/// the buffer holds at most about one chunk plus one event's pending data, and is reused.
/// </summary>
internal sealed class IsloSseOutput : IDisposable
{
    private const int InitialBytes = 64 * 1024;

    private readonly List<Segment> _segments = [];
    private readonly List<Stream> _touched = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _length;

    // The segment being extended: consecutive output for one stream (the common case, line after
    // line of one event) only copies bytes, without looking anything up.
    private Stream? _openTarget;
    private int _openOffset;

    /// <summary>Queues <paramref name="bytes"/> for <paramref name="target"/> (which is flushed even when they are empty).</summary>
    public void Emit(Stream target, ReadOnlySpan<byte> bytes)
    {
        if (!ReferenceEquals(target, _openTarget))
        {
            if (!_touched.Contains(target))
            {
                _touched.Add(target);
            }

            if (bytes.IsEmpty)
            {
                return;
            }

            CloseSegment();
            _openTarget = target;
            _openOffset = _length;
        }

        if (_length + bytes.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + bytes.Length, _buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes everything queued, flushes each stream that got output, and empties the queue.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        CloseSegment();
        foreach (var segment in _segments)
        {
            await segment.Target.WriteAsync(_buffer.AsMemory(segment.Offset, segment.Length), cancellationToken);
        }

        foreach (var target in _touched)
        {
            await target.FlushAsync(cancellationToken);
        }

        _segments.Clear();
        _touched.Clear();
        _length = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void CloseSegment()
    {
        if (_openTarget is not null && _length > _openOffset)
        {
            _segments.Add(new Segment(_openTarget, _openOffset, _length - _openOffset));
        }

        _openTarget = null;
    }

    private readonly record struct Segment(Stream Target, int Offset, int Length);
}
