using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync;

/// <summary>Streams manifest entries as a gzip-compressed tar archive.</summary>
public interface ISyncArchiveWriter
{
    /// <summary>
    /// Writes one tar entry per manifest entry (named by its repository-relative path; regular
    /// files with content and mode, symbolic links as links) to <paramref name="destination"/>,
    /// which may be non-seekable and is left open. Nothing is buffered beyond small copy buffers.
    /// </summary>
    /// <exception cref="CrabboxException">
    /// Exit code 6 when an entry's path is unsafe, or its file vanished or changed type since the
    /// manifest was built.
    /// </exception>
    Task<ArchiveStats> WriteAsync(
        string root,
        IEnumerable<ManifestEntry> entries,
        Stream destination,
        SyncArchiveOptions options,
        CancellationToken cancellationToken);
}
