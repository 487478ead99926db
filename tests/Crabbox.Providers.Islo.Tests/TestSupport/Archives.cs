using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Reads the tar.gz archives the backend produced.</summary>
internal static class Archives
{
    /// <summary>Entry name to content (files) or <c>-&gt; target</c> (links).</summary>
    public static Dictionary<string, string> Read(byte[] archive)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.SymbolicLink)
            {
                entries[entry.Name] = "-> " + entry.LinkName;
                continue;
            }

            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries[entry.Name] = Encoding.UTF8.GetString(content.ToArray());
        }

        return entries;
    }
}
