using Crabbox.Islo.Emulator.Archives;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Archives;

public sealed class SafeTarExtractorTests : IDisposable
{
    private readonly TempDirectory _root = new();

    private string Staging => Path.Combine(_root.Path, "staging");

    private string Target => Path.Combine(_root.Path, "target");

    [Fact]
    public async Task ExtractAsync_SetuidAndDirectoryModes_DropsSetuidAndAppliesModesAfterMove()
    {
        var archive = new TarBuilder()
            .Directory("ro/", (UnixFileMode)0b101_101_101)
            .File("ro/inside.txt", "x")
            .File("suid", "x", (UnixFileMode)0b100_111_101_101)
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token());
        extractor.MoveInto(Target);

        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(Target, "suid")));
        Assert.Equal((UnixFileMode)0b101_101_101, File.GetUnixFileMode(Path.Combine(Target, "ro")));
        Assert.Equal("x", await File.ReadAllTextAsync(Path.Combine(Target, "ro", "inside.txt"), TestTimeouts.Token()));
        File.SetUnixFileMode(Path.Combine(Target, "ro"), (UnixFileMode)0b111_101_101);
    }

    [Fact]
    public async Task ExtractAsync_DuplicateEntries_LastOneWins()
    {
        var archive = new TarBuilder().File("a", "first").Symlink("a", "b").File("a", "last").Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token());
        extractor.MoveInto(Target);

        Assert.Equal("last", await File.ReadAllTextAsync(Path.Combine(Target, "a"), TestTimeouts.Token()));
        Assert.Null(new FileInfo(Path.Combine(Target, "a")).LinkTarget);
    }

    [Fact]
    public async Task MoveInto_ExistingLinkInTarget_IsReplacedNotFollowed()
    {
        using var outside = new TempDirectory();
        Directory.CreateDirectory(Target);
        File.CreateSymbolicLink(Path.Combine(Target, "dir"), outside.Path);
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await extractor.ExtractAsync(new MemoryStream(new TarBuilder().File("dir/file", "mine").Build()), TestTimeouts.Token());
        extractor.MoveInto(Target);

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        Assert.Null(new DirectoryInfo(Path.Combine(Target, "dir")).LinkTarget);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(Target, "dir", "file"), TestTimeouts.Token()));
    }

    [Fact]
    public async Task ExtractAsync_AbsoluteLinkInsideTarget_IsAllowed()
    {
        var archive = new TarBuilder().File("real", "r").Symlink("link", "/workspace/target/real").Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token());
        extractor.MoveInto(Target);

        Assert.Equal("/workspace/target/real", new FileInfo(Path.Combine(Target, "link")).LinkTarget);
    }

    /// <summary>The reported escape: the hard link is copied through a symlink that a later directory entry replaces.</summary>
    [Fact]
    public async Task ExtractAsync_HardLinkThroughSymlinkReplacedLater_RejectedAndHostFileNotCopied()
    {
        using var host = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(host.Path, "host-secret.txt"), "host only", TestTimeouts.Token());
        var archive = new TarBuilder()
            .Symlink("d", host.Path)
            .HardLink("x", "d/host-secret.txt")
            .Directory("d/")
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace");

        var error = await Assert.ThrowsAsync<ArchiveRejectedException>(() => extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token()));

        Assert.Contains("hard link x -> d/host-secret.txt", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Staging, "x")));
    }

    [Fact]
    public async Task ExtractAsync_HardLinkToFileUnderInternalSymlinkedDirectory_Rejected()
    {
        var archive = new TarBuilder()
            .File("real/f", "inside")
            .Symlink("alias", "real")
            .HardLink("x", "alias/f")
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        var error = await Assert.ThrowsAsync<ArchiveRejectedException>(() => extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token()));

        Assert.Contains("hard link x -> alias/f", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_HardLinkToFileReplacedByDirectory_Rejected()
    {
        var archive = new TarBuilder()
            .File("a", "first")
            .Directory("a/")
            .HardLink("x", "a")
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token()));
    }

    [Fact]
    public async Task ExtractAsync_HardLinkToFileWhoseFolderWasReplacedByLink_Rejected()
    {
        using var host = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(host.Path, "f"), "host only", TestTimeouts.Token());
        var archive = new TarBuilder()
            .File("d/f", "mine")
            .Symlink("d", host.Path)
            .HardLink("x", "d/f")
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token()));

        Assert.False(File.Exists(Path.Combine(Staging, "x")));
    }

    [Fact]
    public async Task ExtractAsync_HardLinkToEarlierFileAndToCopy_CopiesContent()
    {
        var archive = new TarBuilder()
            .File("dir/a", "content")
            .HardLink("b", "dir/a")
            .HardLink("c", "./b")
            .Build();
        var extractor = new SafeTarExtractor(Staging, "/workspace/target");

        await extractor.ExtractAsync(new MemoryStream(archive), TestTimeouts.Token());
        extractor.MoveInto(Target);

        Assert.Equal("content", await File.ReadAllTextAsync(Path.Combine(Target, "b"), TestTimeouts.Token()));
        Assert.Equal("content", await File.ReadAllTextAsync(Path.Combine(Target, "c"), TestTimeouts.Token()));
    }

    public void Dispose() => _root.Dispose();
}
