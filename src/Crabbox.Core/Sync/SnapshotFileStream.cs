namespace Crabbox.Core.Sync;

/// <summary>
/// Reads exactly the length a file had when it was opened, so the tar header's size always matches
/// the data that follows: growth after opening is cut off, shrinking is an error naming the path.
/// Reports itself seekable because the tar writer sizes entries from <see cref="Length"/>.
/// </summary>
internal sealed class SnapshotFileStream : Stream
{
    private readonly FileStream _file;
    private readonly string _displayPath;
    private long _position;

    public SnapshotFileStream(string fullPath, string displayPath)
    {
        _file = new FileStream(
            fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        _displayPath = displayPath;
        Length = _file.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set
        {
            if (value != _position)
            {
                throw new NotSupportedException();
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, Length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = _file.Read(buffer[..wanted]);
        return Advance(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, Length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = await _file.ReadAsync(buffer[..wanted], cancellationToken);
        return Advance(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new CrabboxException(
                ExitCodes.Sync, $"create sync archive: {_displayPath} shrank while it was being archived; retry the sync");
        }

        _position += read;
        return read;
    }
}
