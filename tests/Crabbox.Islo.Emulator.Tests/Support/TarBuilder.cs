using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>Builds tar.gz archives in memory, hostile ones included (absolute names, <c>..</c>, escaping links).</summary>
internal sealed class TarBuilder
{
    private readonly List<TarEntry> _entries = [];

    public TarBuilder File(string name, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            Mode = mode,
        };
        _entries.Add(entry);
        return this;
    }

    public TarBuilder Directory(string name, UnixFileMode mode = (UnixFileMode)0b111_101_101)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode });
        return this;
    }

    public TarBuilder Symlink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = (UnixFileMode)0b111_111_111 });
        return this;
    }

    public TarBuilder HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });
        return this;
    }

    public byte[] Build()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var entry in _entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin);
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }
}
