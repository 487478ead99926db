using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// Reads what <see cref="CompactWriter"/> wrote. Every inconsistency (wrong magic, version or
/// checksum, truncation, invalid UTF-8, an overlong varint) throws <see cref="FormatException"/>.
/// </summary>
internal ref struct CompactReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private byte[] _previousPath;
    private int _previousLength;

    /// <summary>Checks the magic, the version and the trailing checksum.</summary>
    public CompactReader(ReadOnlySpan<byte> file, ReadOnlySpan<byte> magic, int version)
    {
        if (file.Length < magic.Length + SHA256.HashSizeInBytes || !file.StartsWith(magic))
        {
            throw new FormatException("not a crabbox state file");
        }

        _data = file[..^SHA256.HashSizeInBytes];
        Span<byte> checksum = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_data, checksum);
        if (!checksum.SequenceEqual(file[^SHA256.HashSizeInBytes..]))
        {
            throw new FormatException("checksum mismatch");
        }

        _position = magic.Length;
        _previousPath = new byte[256];
        _previousLength = 0;
        if (ReadUInt() != (ulong)version)
        {
            throw new FormatException("unsupported format version");
        }
    }

    public readonly bool AtEnd => _position == _data.Length;

    public ulong ReadUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("varint too long");
    }

    public int ReadInt(int max = int.MaxValue)
    {
        var value = ReadUInt();
        return value <= (ulong)max ? (int)value : throw new FormatException("value out of range");
    }

    public long ReadNonNegativeLong()
    {
        var value = ReadUInt();
        return value <= long.MaxValue ? (long)value : throw new FormatException("value out of range");
    }

    public long ReadLong()
    {
        var value = ReadUInt();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public byte ReadByte() =>
        _position < _data.Length ? _data[_position++] : throw new FormatException("truncated");

    public ReadOnlySpan<byte> ReadBytes(int length)
    {
        if (length > _data.Length - _position)
        {
            throw new FormatException("truncated");
        }

        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => Decode(ReadBytes(ReadInt()));

    public string ReadPath()
    {
        var shared = ReadInt(_previousLength);
        var suffix = ReadBytes(ReadInt());
        var length = shared + suffix.Length;
        if (length > _previousPath.Length)
        {
            Array.Resize(ref _previousPath, Math.Max(length, _previousPath.Length * 2));
        }

        suffix.CopyTo(_previousPath.AsSpan(shared));
        _previousLength = length;
        return Decode(_previousPath.AsSpan(0, length));
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException("invalid UTF-8", ex);
        }
    }
}
