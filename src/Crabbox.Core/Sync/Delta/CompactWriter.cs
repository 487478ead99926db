using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// Builds the compact binary state files (sync records, hash caches): a magic, LEB128 varints,
/// length-prefixed UTF-8, sorted paths stored as (shared prefix, suffix) against the previous one,
/// and a trailing SHA-256 of everything before it so a torn or edited file is detected.
/// </summary>
internal sealed class CompactWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;
    private byte[] _previousPath = [];

    public CompactWriter(ReadOnlySpan<byte> magic, int version, int capacity)
    {
        _buffer = new ArrayBufferWriter<byte>(Math.Max(256, capacity));
        _buffer.Write(magic);
        WriteUInt((ulong)version);
    }

    public void WriteUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        _buffer.Advance(length);
    }

    public void WriteLong(long value) => WriteUInt((ulong)((value << 1) ^ (value >> 63)));

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    /// <summary>Writes a path of a sorted sequence as the bytes it shares with the previous one plus the rest.</summary>
    public void WritePath(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        var shared = bytes.AsSpan().CommonPrefixLength(_previousPath);
        WriteUInt((ulong)shared);
        WriteUInt((ulong)(bytes.Length - shared));
        _buffer.Write(bytes.AsSpan(shared));
        _previousPath = bytes;
    }

    /// <summary>Appends the SHA-256 of everything written so far and returns the whole file.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        var checksum = SHA256.HashData(_buffer.WrittenSpan);
        _buffer.Write(checksum);
        return _buffer.WrittenMemory;
    }
}
