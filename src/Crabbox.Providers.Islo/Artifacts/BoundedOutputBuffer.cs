namespace Crabbox.Providers.Islo.Artifacts;

/// <summary>
/// A write-only stream that keeps at most <see cref="Limit"/> bytes and records whether more
/// arrived. Writes always "succeed" so the exec stream is drained and the remote exit code still
/// arrives; the caller checks <see cref="Overflowed"/>.
/// </summary>
internal sealed class BoundedOutputBuffer(int limit) : Stream
{
    private readonly MemoryStream _kept = new();

    public int Limit => limit;

    public bool Overflowed { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _kept.Length;

    public override long Position
    {
        get => _kept.Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes kept so far.</summary>
    public ReadOnlySpan<byte> Kept => _kept.GetBuffer().AsSpan(0, (int)_kept.Length);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = limit - (int)_kept.Length;
        if (buffer.Length > room)
        {
            Overflowed = true;
            buffer = buffer[..Math.Max(room, 0)];
        }

        _kept.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
