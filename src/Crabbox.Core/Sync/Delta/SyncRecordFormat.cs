using System.Security.Cryptography;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// The sync record file: magic <c>CBXSYNC1</c>, format version, workspace, the prune names (count,
/// strings), entry count, then per
/// entry (sorted by path): prefix-compressed path, kind, mode, size, the 32-byte SHA-256 (files) or
/// the target (links), an observed flag and the observed size, mtime and mode; a SHA-256 trailer.
/// </summary>
internal static class SyncRecordFormat
{
    private const byte KindFile = 0;
    private const byte KindSymlink = 1;
    private const byte FlagHash = 1;
    private const byte FlagObserved = 2;

    private static ReadOnlySpan<byte> Magic => "CBXSYNC1"u8;

    public static ReadOnlyMemory<byte> Write(SyncRecord record)
    {
        var writer = new CompactWriter(Magic, SyncRecord.FormatVersion, record.Entries.Count * 96);
        writer.WriteString(record.Workspace);
        writer.WriteUInt((ulong)record.PruneNames.Count);
        foreach (var name in record.PruneNames)
        {
            writer.WriteString(name);
        }

        writer.WriteUInt((ulong)record.Entries.Count);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        string? previous = null;
        foreach (var entry in record.Entries)
        {
            if (!RepoPaths.IsSafe(entry.Path) || (previous is not null && string.CompareOrdinal(previous, entry.Path) >= 0))
            {
                throw new ArgumentException($"sync record entries must be safe, unique and sorted: \"{entry.Path}\"", nameof(record));
            }

            previous = entry.Path;
            writer.WritePath(entry.Path);
            writer.WriteByte(entry.Kind == ManifestEntryKind.Symlink ? KindSymlink : KindFile);
            var hasHash = entry.Kind == ManifestEntryKind.File && TryParseHash(entry.ContentHash, hash);
            writer.WriteByte((byte)((hasHash ? FlagHash : 0) | (entry.Observed is null ? 0 : FlagObserved)));
            writer.WriteUInt((ulong)entry.Mode);
            writer.WriteUInt((ulong)entry.Size);
            if (hasHash)
            {
                writer.WriteBytes(hash);
            }

            if (entry.Kind == ManifestEntryKind.Symlink)
            {
                writer.WriteString(entry.LinkTarget ?? string.Empty);
            }

            if (entry.Observed is { } observed)
            {
                writer.WriteUInt((ulong)observed.Size);
                writer.WriteLong(observed.MtimeNanoseconds);
                writer.WriteUInt((ulong)observed.Mode);
            }
        }

        return writer.Complete();
    }

    /// <summary>Only the workspace and the prune names, which come first, so a listing can start before the entries are read.</summary>
    /// <exception cref="FormatException">Not a record of this version, or a bad header.</exception>
    public static (string Workspace, string[] PruneNames) ReadHeader(ReadOnlySpan<byte> file)
    {
        var reader = new CompactReader(file, Magic, SyncRecord.FormatVersion);
        return ReadHeader(ref reader, file.Length);
    }

    /// <summary>Parses a record file; throws <see cref="FormatException"/> on anything unexpected.</summary>
    public static SyncRecord Read(ReadOnlySpan<byte> file)
    {
        var reader = new CompactReader(file, Magic, SyncRecord.FormatVersion);
        var (workspace, pruneNames) = ReadHeader(ref reader, file.Length);

        var count = reader.ReadInt(file.Length);
        var entries = new SyncRecordEntry[count];
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadPath();
            if (!RepoPaths.IsSafe(path) || (previous is not null && string.CompareOrdinal(previous, path) >= 0))
            {
                throw new FormatException("unsafe or unsorted path");
            }

            previous = path;
            var kind = reader.ReadByte() switch
            {
                KindFile => ManifestEntryKind.File,
                KindSymlink => ManifestEntryKind.Symlink,
                _ => throw new FormatException("unknown entry kind"),
            };
            var flags = reader.ReadByte();
            var mode = reader.ReadInt(0xFFF);
            var size = reader.ReadNonNegativeLong();
            var hash = (flags & FlagHash) != 0 ? Convert.ToHexStringLower(reader.ReadBytes(SHA256.HashSizeInBytes)) : null;
            var target = kind == ManifestEntryKind.Symlink ? reader.ReadString() : null;
            RemoteObservation? observed = (flags & FlagObserved) != 0
                ? new RemoteObservation(reader.ReadNonNegativeLong(), reader.ReadLong(), reader.ReadInt(0xFFFF))
                : null;
            entries[i] = new SyncRecordEntry(path, kind, mode, size, hash, target, observed);
        }

        if (!reader.AtEnd)
        {
            throw new FormatException("trailing data");
        }

        return new SyncRecord { Workspace = workspace, PruneNames = pruneNames, Entries = entries };
    }

    private static (string Workspace, string[] PruneNames) ReadHeader(ref CompactReader reader, int fileLength)
    {
        var workspace = reader.ReadString();
        var pruneNames = new string[reader.ReadInt(fileLength)];
        for (var i = 0; i < pruneNames.Length; i++)
        {
            pruneNames[i] = reader.ReadString();
        }

        return (workspace, pruneNames);
    }

    private static bool TryParseHash(string? hex, Span<byte> destination) =>
        hex is { Length: SHA256.HashSizeInBytes * 2 }
        && Convert.FromHexString(hex, destination, out _, out var written) == System.Buffers.OperationStatus.Done
        && written == SHA256.HashSizeInBytes;
}
