using Crabbox.Core.Repo;
using Crabbox.Core.Tests.TestSupport;

namespace Crabbox.Core.Tests.Sync;

/// <summary>Allocation checks, run alone so other tests' allocations do not count.</summary>
[Collection(SerialAllocationCollection.Name)]
public sealed partial class TarGzSyncArchiveWriterTests
{
    [Fact]
    public async Task WriteAsync_LargeFile_AllocatesFarLessThanItsSize()
    {
        using var directory = new TempDirectory();
        const long size = 64L * 1024 * 1024;
        await using (var file = File.Create(directory.Combine("big.bin")))
        {
            file.SetLength(size);
        }

        var entries = new[] { new ManifestEntry("big.bin", ManifestEntryKind.File, size, ManifestEntry.RegularMode, null) };
        await WriteToNullAsync(directory.Path, entries);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var stats = await WriteToNullAsync(directory.Path, entries);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(size, stats.ContentBytes);
        Assert.True(allocated < 4 * 1024 * 1024, $"archiving a 64 MiB file allocated {allocated} bytes");
    }
}
