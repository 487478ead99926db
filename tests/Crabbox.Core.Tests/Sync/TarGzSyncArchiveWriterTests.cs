using Crabbox.Core.Repo;
using Crabbox.Core.Sync;

namespace Crabbox.Core.Tests.Sync;

public sealed partial class TarGzSyncArchiveWriterTests
{
    private static readonly string s_longPath =
        string.Join('/', Enumerable.Range(0, 6).Select(i => $"deeply-nested-directory-{i}")) + "/file-with-a-long-name.txt";

    private static readonly string[] s_oddNames =
    [
        "odd/with space.txt", "odd/ünïcødé ✓.txt", "odd/quote\"s'.txt", "odd/-leading-dash.txt", "odd/new\nline.txt",
    ];

    [Fact]
    public async Task WriteAsync_RoundTripThroughGnuTar_ReproducesTree()
    {
        using var repo = await CreateRepoAsync();
        var manifest = await BuildManifestAsync(repo);
        using var extracted = new TempDirectory("crabbox-extract");
        ArchiveStats? stats = null;

        var tar = await TestProcess.RunAsync(
            "tar",
            ["-xzf", "-", "-C", extracted.Path],
            extracted.Path,
            writeInput: async stdin => stats = await new TarGzSyncArchiveWriter()
                .WriteAsync(repo.Root, manifest.Files, stdin, SyncArchiveOptions.Default, TestContext.Current.CancellationToken)
                .WithTimeout());

        Assert.Equal(0, tar.ExitCode);
        Assert.Equal(string.Empty, tar.Error);
        Assert.NotNull(stats);
        Assert.Equal(manifest.Files.Count, stats.Entries);
        Assert.Equal(manifest.Files.Where(file => file.Kind == ManifestEntryKind.File).Sum(file => file.Size), stats.ContentBytes);
        AssertTreeMatches(repo.Root, manifest, extracted.Path);
    }

    [Fact]
    public async Task WriteAsync_ScenarioNames_IncludeLongUnicodeAndOddPaths()
    {
        using var repo = await CreateRepoAsync();

        var manifest = await BuildManifestAsync(repo);

        Assert.Contains(manifest.Files, file => file.Path == s_longPath && System.Text.Encoding.UTF8.GetByteCount(file.Path) > 100);
        Assert.All(s_oddNames, name => Assert.Contains(manifest.Files, file => file.Path == name));
    }

    [Fact]
    public async Task WriteAsync_NonSeekableDestination_LeavesItOpenAndCountsBytes()
    {
        using var repo = await CreateRepoAsync();
        var manifest = await BuildManifestAsync(repo);
        using var buffer = new MemoryStream();
        await using var destination = new NonSeekableStream(buffer);

        var stats = await new TarGzSyncArchiveWriter()
            .WriteAsync(repo.Root, manifest.Files, destination, SyncArchiveOptions.Default, TestContext.Current.CancellationToken)
            .WithTimeout();

        Assert.False(destination.Disposed);
        Assert.True(buffer.CanWrite);
        Assert.Equal(buffer.Length, stats.CompressedBytes);
        Assert.Equal(0x1f, buffer.GetBuffer()[0]);
        Assert.Equal(0x8b, buffer.GetBuffer()[1]);
    }

    [Fact]
    public async Task WriteAsync_FileVanished_ThrowsSyncErrorNamingPath()
    {
        using var repo = await CreateRepoAsync();
        var manifest = await BuildManifestAsync(repo);
        repo.Delete("src/app.cs");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => WriteToNullAsync(repo.Root, manifest.Files));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal(
            "create sync archive: src/app.cs vanished after the sync manifest was built; retry the sync", error.Message);
    }

    [Fact]
    public async Task WriteAsync_FileBecameDirectory_ThrowsSyncErrorNamingPath()
    {
        using var repo = await CreateRepoAsync();
        var manifest = await BuildManifestAsync(repo);
        repo.Delete("src/app.cs");
        Directory.CreateDirectory(repo.FullPath("src/app.cs"));

        var error = await Assert.ThrowsAsync<CrabboxException>(() => WriteToNullAsync(repo.Root, manifest.Files));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal(
            "create sync archive: src/app.cs is no longer a regular file since the sync manifest was built; retry the sync",
            error.Message);
    }

    [Fact]
    public async Task WriteAsync_SymlinkBecameFile_ThrowsSyncErrorNamingPath()
    {
        using var repo = await CreateRepoAsync();
        var manifest = await BuildManifestAsync(repo);
        File.Delete(repo.FullPath("link-inside"));
        repo.Write("link-inside", "now a file");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => WriteToNullAsync(repo.Root, manifest.Files));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Contains("link-inside is no longer a symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    public async Task WriteAsync_UnsafePath_ThrowsSyncError(string path)
    {
        using var directory = new TempDirectory();
        var entry = new ManifestEntry(path, ManifestEntryKind.File, 1, ManifestEntry.RegularMode, null);

        var error = await Assert.ThrowsAsync<CrabboxException>(() => WriteToNullAsync(directory.Path, [entry]));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static async Task<TempGitRepo> CreateRepoAsync()
    {
        var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("README.md", "# archive\n");
        repo.Write("src/app.cs", "class App {}\n");
        repo.Write("empty.txt", string.Empty);
        repo.WriteBytes("data/blob.bin", [.. Enumerable.Range(0, 300_000).Select(i => (byte)((i * 7919) >> 3))]);
        repo.Write("scripts/run.sh", "#!/bin/sh\necho hi\n");
        repo.MakeExecutable("scripts/run.sh");
        repo.Symlink("link-inside", "src/app.cs");
        repo.Symlink("link-outside", "/etc/hostname-that-does-not-matter");
        repo.Symlink("link-dir", "src");
        repo.Write(s_longPath, "long path content");
        foreach (var name in s_oddNames)
        {
            repo.Write(name, "odd " + name);
        }

        await repo.CommitAllAsync().WithTimeout();
        return repo;
    }

    private static Task<SyncManifest> BuildManifestAsync(TempGitRepo repo) =>
        new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, new SyncSettings(), TestContext.Current.CancellationToken)
            .WithTimeout();

    private static Task<ArchiveStats> WriteToNullAsync(string root, IEnumerable<ManifestEntry> entries) =>
        new TarGzSyncArchiveWriter()
            .WriteAsync(root, entries, Stream.Null, SyncArchiveOptions.Default, TestContext.Current.CancellationToken)
            .WithTimeout();

    private static void AssertTreeMatches(string root, SyncManifest manifest, string extracted)
    {
        var extractedPaths = ListTree(extracted)
            .Select(path => Path.GetRelativePath(extracted, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(manifest.Files.Select(file => file.Path), extractedPaths);
        foreach (var entry in manifest.Files)
        {
            var original = Path.Combine(root, entry.Path);
            var copy = Path.Combine(extracted, entry.Path);
            if (entry.Kind == ManifestEntryKind.Symlink)
            {
                Assert.Equal(entry.LinkTarget, new FileInfo(copy).LinkTarget);
                continue;
            }

            Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(copy));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(entry.Mode, (int)File.GetUnixFileMode(copy));
            }
        }
    }

    // Files and links under a directory, without descending into linked directories.
    private static IEnumerable<string> ListTree(string directory)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0 };
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", options))
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null && (info.Attributes & FileAttributes.Directory) != 0)
            {
                foreach (var nested in ListTree(path))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
