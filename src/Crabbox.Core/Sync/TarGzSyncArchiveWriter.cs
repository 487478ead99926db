using System.Formats.Tar;
using System.IO.Compression;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync;

/// <summary>
/// Writes sync archives with <c>System.Formats.Tar</c> for the tar framing and
/// <c>System.IO.Compression</c> for gzip. SharpCompress's tar writer (0.50) cannot set an entry's
/// mode or write symbolic-link entries, both of which a faithful working-tree copy needs.
/// Entries use the GNU format (long names and link targets via GNU long-name records, read by GNU
/// tar, bsdtar and Go); files too large for its size field fall back to a PAX entry.
/// </summary>
public sealed class TarGzSyncArchiveWriter : ISyncArchiveWriter
{
    // The largest size a GNU header's 12-byte octal size field holds.
    private const long MaxGnuSize = 0x1_FFFF_FFFFL;

    public async Task<ArchiveStats> WriteAsync(
        string root,
        IEnumerable<ManifestEntry> entries,
        Stream destination,
        SyncArchiveOptions options,
        CancellationToken cancellationToken)
    {
        var counting = new CountingWriteStream(destination);
        var count = 0;
        var contentBytes = 0L;
        await using (var gzip = new GZipStream(counting, options.CompressionLevel, leaveOpen: true))
        {
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    contentBytes += await WriteEntryAsync(tar, root, entry, cancellationToken);
                    count++;
                }
            }
        }

        await counting.FlushAsync(cancellationToken);
        return new ArchiveStats(count, contentBytes, counting.BytesWritten);
    }

    private static async Task<long> WriteEntryAsync(TarWriter tar, string root, ManifestEntry entry, CancellationToken cancellationToken)
    {
        if (!RepoPaths.IsSafe(entry.Path))
        {
            throw new CrabboxException(ExitCodes.Sync, $"create sync archive: unsafe path \"{entry.Path}\"; paths must be relative and clean");
        }

        var fullPath = RepoPaths.ToFullPath(root, entry.Path);
        var info = new FileInfo(fullPath);
        var attributes = info.Attributes;
        if ((int)attributes == -1)
        {
            throw Vanished(entry.Path);
        }

        var isLink = (attributes & FileAttributes.ReparsePoint) != 0;
        if (entry.Kind == ManifestEntryKind.Symlink)
        {
            var target = isLink ? info.LinkTarget : null;
            if (target is null)
            {
                throw ChangedType(entry.Path, "a symbolic link");
            }

            var link = new GnuTarEntry(TarEntryType.SymbolicLink, entry.Path)
            {
                LinkName = target,
                Mode = (UnixFileMode)ManifestEntry.SymlinkMode,
                ModificationTime = info.LastWriteTimeUtc,
            };
            await tar.WriteEntryAsync(link, cancellationToken);
            return 0;
        }

        if (isLink || (attributes & FileAttributes.Directory) != 0)
        {
            throw ChangedType(entry.Path, "a regular file");
        }

        SnapshotFileStream content;
        try
        {
            content = new SnapshotFileStream(fullPath, entry.Path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Vanished(entry.Path);
        }

        await using (content)
        {
            TarEntry file = content.Length > MaxGnuSize
                ? new PaxTarEntry(TarEntryType.RegularFile, entry.Path)
                : new GnuTarEntry(TarEntryType.RegularFile, entry.Path);
            file.Mode = (UnixFileMode)(entry.Mode == ManifestEntry.ExecutableMode ? ManifestEntry.ExecutableMode : ManifestEntry.RegularMode);
            file.ModificationTime = info.LastWriteTimeUtc;
            file.DataStream = content;
            await tar.WriteEntryAsync(file, cancellationToken);
            return content.Length;
        }
    }

    private static CrabboxException Vanished(string path) =>
        new(ExitCodes.Sync, $"create sync archive: {path} vanished after the sync manifest was built; retry the sync");

    private static CrabboxException ChangedType(string path, string expected) =>
        new(ExitCodes.Sync, $"create sync archive: {path} is no longer {expected} since the sync manifest was built; retry the sync");
}
