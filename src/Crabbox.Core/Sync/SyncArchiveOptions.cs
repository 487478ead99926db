using System.IO.Compression;

namespace Crabbox.Core.Sync;

/// <summary>How a sync archive is compressed.</summary>
public sealed record SyncArchiveOptions
{
    public static SyncArchiveOptions Default { get; } = new();

    /// <summary>
    /// The gzip level. <see cref="CompressionLevel.Fastest"/> by default: on source trees it costs a
    /// few percent of size against the optimal level and compresses several times faster.
    /// </summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;
}
