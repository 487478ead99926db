using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

/// <summary>
/// Tracked paths below a directory that was replaced by a symbolic link (or a file) and not yet
/// committed: Git treats them as deleted and never looks through the link; so must the manifest.
/// </summary>
public sealed partial class GitSyncManifestBuilderTests
{
    [Fact]
    public async Task BuildAsync_DirectoryReplacedByLoopingLink_SkipsPathsBelowItWithoutError()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("dir/a.txt", "a\n");
        repo.Write("dir/sub/b.txt", "b\n");
        repo.Write("keep.txt", "k\n");
        await repo.CommitAllAsync().WithTimeout();
        Directory.Delete(repo.FullPath("dir"), recursive: true);
        repo.Symlink("dir", "dir");

        var manifest = await BuildAsync(repo);

        Assert.Equal(["dir", "keep.txt"], manifest.Files.Select(file => file.Path));
        Assert.Equal((ManifestEntryKind.Symlink, "dir"), (manifest.Files[0].Kind, manifest.Files[0].LinkTarget));
        Assert.Equal(["dir/a.txt", "dir/sub/b.txt"], manifest.Deleted);
    }

    [Fact]
    public async Task BuildAsync_DirectoryReplacedByLinkToDirectory_ListsOnlyTheLink()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("dir/a.txt", "a\n");
        repo.Write("other/a.txt", "other\n");
        await repo.CommitAllAsync().WithTimeout();
        Directory.Delete(repo.FullPath("dir"), recursive: true);
        repo.Symlink("dir", "other");

        var manifest = await BuildAsync(repo);

        Assert.Equal(["dir", "other/a.txt"], manifest.Files.Select(file => file.Path));
        Assert.Equal("other", manifest.Files[0].LinkTarget);
    }

    [Fact]
    public async Task BuildAsync_DirectoryReplacedByFile_ListsOnlyTheFile()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("dir/a.txt", "a\n");
        await repo.CommitAllAsync().WithTimeout();
        Directory.Delete(repo.FullPath("dir"), recursive: true);
        repo.Write("dir", "now a file\n");

        var manifest = await BuildAsync(repo);

        Assert.Equal([("dir", ManifestEntryKind.File)], manifest.Files.Select(file => (file.Path, file.Kind)));
        Assert.Equal(["dir/a.txt"], manifest.Deleted);
    }

    [Fact]
    public async Task BuildAsync_LoopingLinkAtTrackedPath_ListedAsLink()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Symlink("loop", "loop");
        repo.Symlink("ping", "pong");
        repo.Symlink("pong", "ping");
        await repo.CommitAllAsync().WithTimeout();

        var manifest = await BuildAsync(repo);

        Assert.Equal(
            [("loop", "loop"), ("ping", "pong"), ("pong", "ping")],
            manifest.Files.Select(file => (file.Path, file.LinkTarget!)));
    }

    private static Task<SyncManifest> BuildAsync(TempGitRepo repo) =>
        new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(new RepositoryInfo(repo.Root, "work", null, null, null), new SyncSettings(), TestContext.Current.CancellationToken)
            .WithTimeout();
}
