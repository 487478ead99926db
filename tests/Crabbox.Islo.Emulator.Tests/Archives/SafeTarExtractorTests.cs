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

    public void Dispose() => _root.Dispose();
}
