using System.Runtime.Versioning;
using System.Security.Cryptography;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;
using Crabbox.Core.Tests.Leases;

namespace Crabbox.Core.Tests.Sync.Delta;

[UnsupportedOSPlatform("windows")]
public sealed class LocalContentHasherTests : IDisposable
{
    private readonly TempDirectory _root = new("crabbox-hash-root");
    private readonly TempDirectory _cache = new("crabbox-hash-cache");

    // Files written by the test are seconds old at most; a clock an hour ahead makes them cacheable.
    private readonly FixedTimeProvider _later = new(DateTimeOffset.UtcNow.AddHours(1));

    public void Dispose()
    {
        _root.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public async Task HashAsync_Files_Sha256OfContentAndLinksLeftOut()
    {
        Write("a.txt", "alpha");
        Write("dir/empty", string.Empty);
        var big = RandomNumberGenerator.GetBytes((3 * 128 * 1024) + 17);
        WriteBytes("dir/big.bin", big);
        File.CreateSymbolicLink(_root.Combine("link"), "a.txt");
        var manifest = Manifest("a.txt", "dir/big.bin", "dir/empty", "link");

        var result = await new LocalContentHasher(_cache.Path, _later).HashAsync(manifest, Token).WithTimeout();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["a.txt"] = Sha("alpha"u8.ToArray()),
                ["dir/big.bin"] = Sha(big),
                ["dir/empty"] = Sha([]),
            },
            result.Hashes);
        Assert.Equal((0, 3, 5L + big.Length), (result.CacheHits, result.FilesHashed, result.BytesHashed));
    }

    [Fact]
    public async Task HashAsync_SecondRunUnchanged_ServesEveryFileFromCache()
    {
        var manifest = WriteMany(50);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        var first = await hasher.HashAsync(manifest, Token).WithTimeout();
        var cacheFile = Directory.GetFiles(_cache.Path).Single();
        var cacheWritten = File.GetLastWriteTimeUtc(cacheFile);

        var second = await hasher.HashAsync(manifest, Token).WithTimeout();

        Assert.Equal((0, 50), (first.CacheHits, first.FilesHashed));
        Assert.Equal((50, 0, 0L), (second.CacheHits, second.FilesHashed, second.BytesHashed));
        Assert.Equal(first.Hashes, second.Hashes);
        Assert.Equal(cacheWritten, File.GetLastWriteTimeUtc(cacheFile));
    }

    [Fact]
    public async Task HashAsync_ContentChangedWithSameSizeAndMtime_RehashesThatFile()
    {
        var manifest = WriteMany(5);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        await hasher.HashAsync(manifest, Token).WithTimeout();
        var path = _root.Combine("f/2.txt");
        var mtime = File.GetLastWriteTimeUtc(path);
        Write("f/2.txt", "CONTENT 2");
        File.SetLastWriteTimeUtc(path, mtime);

        var result = await hasher.HashAsync(manifest, Token).WithTimeout();

        Assert.Equal((4, 1), (result.CacheHits, result.FilesHashed));
        Assert.Equal(Sha("CONTENT 2"u8.ToArray()), result.Hashes["f/2.txt"]);
    }

    [Fact]
    public async Task HashAsync_FileReplacedByRename_RehashesThatFile()
    {
        var manifest = WriteMany(3);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        await hasher.HashAsync(manifest, Token).WithTimeout();
        Write("f/other", "content 9");
        File.SetLastWriteTimeUtc(_root.Combine("f/other"), File.GetLastWriteTimeUtc(_root.Combine("f/1.txt")));
        File.Move(_root.Combine("f/other"), _root.Combine("f/1.txt"), overwrite: true);

        var result = await hasher.HashAsync(manifest, Token).WithTimeout();

        Assert.Equal((2, 1), (result.CacheHits, result.FilesHashed));
        Assert.Equal(Sha("content 9"u8.ToArray()), result.Hashes["f/1.txt"]);
    }

    [Fact]
    public async Task HashAsync_RecentlyChangedFiles_NotTrustedFromCache()
    {
        var manifest = WriteMany(4);
        var hasher = new LocalContentHasher(_cache.Path, TimeProvider.System);
        await hasher.HashAsync(manifest, Token).WithTimeout();

        var second = await hasher.HashAsync(manifest, Token).WithTimeout();

        Assert.Equal((0, 4), (second.CacheHits, second.FilesHashed));
    }

    [Fact]
    public async Task HashAsync_CorruptCache_RehashesEverything()
    {
        var manifest = WriteMany(4);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        await hasher.HashAsync(manifest, Token).WithTimeout();
        var cacheFile = Directory.GetFiles(_cache.Path).Single();
        var bytes = await File.ReadAllBytesAsync(cacheFile, Token);
        bytes[bytes.Length / 2] ^= 1;
        await File.WriteAllBytesAsync(cacheFile, bytes, Token);

        var result = await hasher.HashAsync(manifest, Token).WithTimeout();

        Assert.Equal((0, 4), (result.CacheHits, result.FilesHashed));
        Assert.Equal(Sha("content 3"u8.ToArray()), result.Hashes["f/3.txt"]);
    }

    [Fact]
    public async Task HashAsync_OtherRoot_DoesNotUseThisRootsCache()
    {
        var manifest = WriteMany(2);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        await hasher.HashAsync(manifest, Token).WithTimeout();
        using var otherRoot = new TempDirectory("crabbox-hash-root");
        foreach (var entry in manifest.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(otherRoot.Combine(entry.Path))!);
            File.Copy(_root.Combine(entry.Path), otherRoot.Combine(entry.Path));
        }

        var result = await hasher.HashAsync(manifest with { Root = otherRoot.Path }, Token).WithTimeout();

        Assert.Equal((0, 2), (result.CacheHits, result.FilesHashed));
        Assert.Equal(2, Directory.GetFiles(_cache.Path).Length);
    }

    [Fact]
    public async Task HashAsync_FileVanishedOrBecameLink_LeftOutOfHashes()
    {
        var manifest = WriteMany(3);
        File.Delete(_root.Combine("f/0.txt"));
        File.Delete(_root.Combine("f/1.txt"));
        File.CreateSymbolicLink(_root.Combine("f/1.txt"), "2.txt");

        var result = await new LocalContentHasher(_cache.Path, _later).HashAsync(manifest, Token).WithTimeout();

        Assert.Equal(["f/2.txt"], result.Hashes.Keys);
    }

    [Fact]
    public async Task HashAsync_EntriesGoneFromManifest_DroppedFromCache()
    {
        var manifest = WriteMany(10);
        var hasher = new LocalContentHasher(_cache.Path, _later);
        await hasher.HashAsync(manifest, Token).WithTimeout();
        var cacheFile = Directory.GetFiles(_cache.Path).Single();
        var fullSize = new FileInfo(cacheFile).Length;

        await hasher.HashAsync(manifest with { Files = manifest.Files.Take(2).ToList() }, Token).WithTimeout();

        Assert.True(new FileInfo(cacheFile).Length < fullSize / 2);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private SyncManifest WriteMany(int count)
    {
        var paths = Enumerable.Range(0, count).Select(i => $"f/{i}.txt").ToArray();
        foreach (var (path, i) in paths.Select((path, i) => (path, i)))
        {
            Write(path, $"content {i}");
        }

        return Manifest(paths);
    }

    private SyncManifest Manifest(params string[] paths) => DeltaTestData.Manifest(
        _root.Path,
        paths.Select(path => FileProbe.Probe(_root.Combine(path), path) ?? throw new InvalidOperationException(path)));

    private void Write(string relativePath, string content) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    private void WriteBytes(string relativePath, byte[] content)
    {
        var path = _root.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }
}
