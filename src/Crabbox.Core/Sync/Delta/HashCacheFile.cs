using System.Security.Cryptography;
using System.Text;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// The local hash cache of one repository root: <c>&lt;dir&gt;/&lt;hash of root&gt;.bin</c>, magic
/// <c>CBXHASH1</c>, then per path (sorted, prefix-compressed) the file stamp and the 32-byte SHA-256,
/// with a SHA-256 trailer. Anything unreadable loads as an empty cache.
/// </summary>
internal static class HashCacheFile
{
    private const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "CBXHASH1"u8;

    public static string PathFor(string directory, string root) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)).AsSpan(0, 16)) + ".bin");

    public static async Task<Dictionary<string, HashCacheEntry>> LoadAsync(string directory, string root, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(PathFor(directory, root), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, HashCacheEntry>(StringComparer.Ordinal);
        }

        try
        {
            return Read(bytes, root);
        }
        catch (FormatException)
        {
            return new Dictionary<string, HashCacheEntry>(StringComparer.Ordinal);
        }
    }

    /// <summary>Replaces the cache of <paramref name="root"/> with <paramref name="entries"/> (sorted by ordinal path).</summary>
    public static async Task SaveAsync(
        string directory, string root, IReadOnlyList<KeyValuePair<string, HashCacheEntry>> entries, CancellationToken cancellationToken)
    {
        var writer = new CompactWriter(Magic, Version, entries.Count * 100);
        writer.WriteString(root);
        writer.WriteUInt((ulong)entries.Count);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var (path, entry) in entries)
        {
            writer.WritePath(path);
            writer.WriteUInt((ulong)entry.Stamp.Size);
            writer.WriteLong(entry.Stamp.MtimeNanoseconds);
            writer.WriteLong(entry.Stamp.CtimeNanoseconds);
            writer.WriteUInt(entry.Stamp.Inode);
            writer.WriteUInt(entry.Stamp.Device);
            Convert.FromHexString(entry.Hash, hash, out _, out _);
            writer.WriteBytes(hash);
        }

        AtomicFile.EnsureDirectory(directory);
        await AtomicFile.WriteAsync(PathFor(directory, root), writer.Complete(), cancellationToken);
    }

    private static Dictionary<string, HashCacheEntry> Read(ReadOnlySpan<byte> bytes, string root)
    {
        var reader = new CompactReader(bytes, Magic, Version);
        if (reader.ReadString() != root)
        {
            throw new FormatException("cache of another root");
        }

        var count = reader.ReadInt(bytes.Length);
        var entries = new Dictionary<string, HashCacheEntry>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadPath();
            var stamp = new FileStamp(reader.ReadNonNegativeLong(), reader.ReadLong(), reader.ReadLong(), reader.ReadUInt(), reader.ReadUInt());
            entries[path] = new HashCacheEntry(stamp, Convert.ToHexStringLower(reader.ReadBytes(SHA256.HashSizeInBytes)));
        }

        return reader.AtEnd ? entries : throw new FormatException("trailing data");
    }
}
