using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class SyncFingerprintTests
{
    [Fact]
    public async Task ComputeAsync_SameTree_SameFingerprint()
    {
        using var repo = await CreateRepoAsync();

        var first = await FingerprintAsync(repo);
        var second = await FingerprintAsync(repo);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("same-size-content")]
    [InlineData("mode")]
    [InlineData("link")]
    [InlineData("add")]
    [InlineData("delete")]
    [InlineData("commit")]
    public async Task ComputeAsync_AnyChange_NewFingerprint(string change)
    {
        using var repo = await CreateRepoAsync();
        var before = await FingerprintAsync(repo);

        switch (change)
        {
            case "content":
                repo.Write("dirty.txt", "changed and longer");
                break;
            case "same-size-content":
                repo.Write("dirty.txt", "DIRTY");
                break;
            case "mode":
                repo.MakeExecutable("clean.txt");
                break;
            case "link":
                File.Delete(repo.FullPath("link"));
                repo.Symlink("link", "dirty.txt");
                break;
            case "add":
                repo.Write("added.txt", "new");
                break;
            case "delete":
                repo.Delete("clean.txt");
                break;
            case "commit":
                await repo.CommitAllAsync("next").WithTimeout();
                break;
        }

        var after = await FingerprintAsync(repo);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task ComputeAsync_ChangedFileMissing_UsesMarkerInsteadOfFailing()
    {
        using var repo = await CreateRepoAsync();
        var info = new GitRepositoryLocator().Discover(repo.Root)!;
        var manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(info, new SyncSettings(), TestContext.Current.CancellationToken).WithTimeout();
        var withFile = await SyncFingerprint.ComputeAsync(info, manifest, TestContext.Current.CancellationToken).WithTimeout();
        repo.Delete("dirty.txt");

        var without = await SyncFingerprint.ComputeAsync(info, manifest, TestContext.Current.CancellationToken).WithTimeout();

        Assert.NotEqual(withFile, without);
    }

    private static async Task<TempGitRepo> CreateRepoAsync()
    {
        var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("clean.txt", "clean");
        repo.Write("dirty.txt", "dirty");
        repo.Symlink("link", "clean.txt");
        await repo.CommitAllAsync().WithTimeout();
        repo.Write("dirty.txt", "dirt!");
        return repo;
    }

    private static async Task<string> FingerprintAsync(TempGitRepo repo)
    {
        var info = new GitRepositoryLocator().Discover(repo.Root)!;
        var manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(info, new SyncSettings(), TestContext.Current.CancellationToken).WithTimeout();
        return await SyncFingerprint.ComputeAsync(info, manifest, TestContext.Current.CancellationToken).WithTimeout();
    }
}
