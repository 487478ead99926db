using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Crabbox.Core.Sync.Delta;

/// <summary>Decodes the NUL-separated <c>find -printf</c> records of a <see cref="RemoteListing"/>.</summary>
internal static class RemoteListingRecords
{
    private const int FieldsPerRecord = 6;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadOnlyMemory<byte> Gunzip(byte[] compressed, int length)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed, 0, length), CompressionMode.Decompress);
            using var output = new MemoryStream(length * 6);
            gzip.CopyTo(output);
            return new ReadOnlyMemory<byte>(output.GetBuffer(), 0, (int)output.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException("remote listing: invalid gzip data", ex);
        }
    }

    public static List<RemoteEntry> Parse(ReadOnlySpan<byte> records)
    {
        var entries = new List<RemoteEntry>();
        Span<Range> fields = stackalloc Range[FieldsPerRecord];
        var position = 0;
        while (position < records.Length)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var length = records[position..].IndexOf((byte)0);
                if (length < 0)
                {
                    throw new FormatException("remote listing: truncated record");
                }

                fields[i] = new Range(position, position + length);
                position += length + 1;
            }

            if (Entry(records, fields) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static RemoteEntry? Entry(ReadOnlySpan<byte> records, ReadOnlySpan<Range> fields)
    {
        var type = records[fields[0]];
        var kind = type switch
        {
            [(byte)'f'] => RemoteEntryKind.File,
            [(byte)'d'] => RemoteEntryKind.Directory,
            [(byte)'l'] => RemoteEntryKind.Symlink,
            [_] => RemoteEntryKind.Other,
            _ => throw new FormatException("remote listing: bad type field"),
        };
        var mode = ParseOctal(records[fields[1]]);
        var size = long.TryParse(records[fields[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException("remote listing: bad size field");
        var mtime = ParseSeconds(records[fields[3]]);

        // A name that is not UTF-8 can be neither a manifest path nor an ancestor of one: skip it.
        if (!TryDecode(records[fields[4]], out var path) || path.Length == 0)
        {
            return null;
        }

        string? target = null;
        if (kind == RemoteEntryKind.Symlink && !TryDecode(records[fields[5]], out target))
        {
            // A target crabbox cannot represent never equals a synced one; keep the entry so it is replaced.
            target = "\uFFFD";
        }

        return new RemoteEntry(path, kind, mode, size, mtime, target);
    }

    private static int ParseOctal(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 7)
        {
            throw new FormatException("remote listing: bad mode field");
        }

        var value = 0;
        foreach (var digit in text)
        {
            value = digit is >= (byte)'0' and <= (byte)'7'
                ? (value * 8) + (digit - '0')
                : throw new FormatException("remote listing: bad mode field");
        }

        return value;
    }

    /// <summary>Parses <c>%T@</c> (<c>1718000000.1234567890</c>, possibly negative) to nanoseconds.</summary>
    internal static long ParseSeconds(ReadOnlySpan<byte> text)
    {
        var negative = !text.IsEmpty && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > long.MaxValue / 1_000_000_000L - 1)
        {
            throw new FormatException("remote listing: bad mtime field");
        }

        long nanoseconds = 0;
        for (var i = 0; i < 9; i++)
        {
            var digit = i < fraction.Length ? fraction[i] : (byte)'0';
            if (digit is < (byte)'0' or > (byte)'9')
            {
                throw new FormatException("remote listing: bad mtime field");
            }

            nanoseconds = (nanoseconds * 10) + (digit - '0');
        }

        var total = (seconds * 1_000_000_000L) + nanoseconds;
        return negative ? -total : total;
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string value)
    {
        try
        {
            value = s_strictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = string.Empty;
            return false;
        }
    }
}
