using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

/// <summary>Failures and small trees outside the shared scenario.</summary>
public sealed partial class GitSyncManifestBuilderTests
{
    [Fact]
    public async Task BuildAsync_NotAGitRepository_ThrowsSyncError()
    {
        using var directory = new TempDirectory();
        var info = new RepositoryInfo(directory.Path, "plain", null, null, null);
        var builder = new GitSyncManifestBuilder(new EnvironmentVariables(new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(directory.Path)!,
        }));

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => builder.BuildAsync(info, new SyncSettings(), TestContext.Current.CancellationToken).WithTimeout());

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal(
            $"build sync file list: {directory.Path} is not a Git repository: crabbox builds its sync manifest from Git; run 'git init' here to sync files, or pass --no-sync",
            error.Message);
    }

    [Fact]
    public async Task BuildAsync_GitMissingFromPath_ThrowsSyncError()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        var builder = new GitSyncManifestBuilder(new EnvironmentVariables(new Dictionary<string, string> { ["PATH"] = repo.Home }));

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => builder.BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, new SyncSettings(), TestContext.Current.CancellationToken)
                .WithTimeout());

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.StartsWith("build sync file list: git could not be started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_UnbornBranch_ListsStagedAndUntrackedFiles()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("staged.txt", "s");
        await repo.GitAsync("add", "staged.txt").WithTimeout();
        repo.Write("loose.txt", "l");

        var manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, new SyncSettings(), TestContext.Current.CancellationToken)
            .WithTimeout();

        Assert.Equal(["loose.txt", "staged.txt"], manifest.Files.Select(file => file.Path));
        Assert.Equal(["loose.txt", "staged.txt"], manifest.Changed);
        Assert.Empty(manifest.Deleted);
    }

    [Fact]
    public async Task BuildAsync_CleanTree_HasNoDirtyDelta()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("a.txt", "a");
        await repo.CommitAllAsync().WithTimeout();
        File.SetLastWriteTimeUtc(repo.FullPath("a.txt"), DateTime.UtcNow.AddMinutes(5));

        var manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, new SyncSettings(), TestContext.Current.CancellationToken)
            .WithTimeout();

        Assert.Empty(manifest.Changed);
        Assert.Equal(0, manifest.ChangedBytes);
    }

    [Fact]
    public async Task BuildAsync_UnreadableCrabboxIgnore_ThrowsUsageError()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        Directory.CreateDirectory(repo.FullPath(".crabboxignore"));

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => new GitSyncManifestBuilder(repo.Environment)
                .BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, new SyncSettings(), TestContext.Current.CancellationToken)
                .WithTimeout());

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith($"read {repo.FullPath(".crabboxignore")}: ", error.Message, StringComparison.Ordinal);
    }
}
