using System.Formats.Tar;
using System.IO.Compression;

namespace Crabbox.Islo.Emulator.Archives;

/// <summary>Streams a folder as tar.gz (PAX): links stay links, nothing is followed, names are relative.</summary>
internal static class TarDirectoryWriter
{
    public static async Task WriteAsync(string directory, Stream output, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddChildrenAsync(tar, directory, string.Empty, cancellationToken);
        }
    }

    private static async Task AddChildrenAsync(TarWriter tar, string directory, string prefix, CancellationToken cancellationToken)
    {
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(static entry => entry.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = prefix + entry.Name;
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                await tar.WriteEntryAsync(entry.FullName, name + "/", cancellationToken);
                await AddChildrenAsync(tar, entry.FullName, name + "/", cancellationToken);
            }
            else
            {
                await tar.WriteEntryAsync(entry.FullName, name, cancellationToken);
            }
        }
    }
}
