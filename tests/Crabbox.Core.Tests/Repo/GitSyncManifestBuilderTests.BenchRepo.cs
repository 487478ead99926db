using System.Globalization;
using System.Text.RegularExpressions;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

/// <summary>The manifest against Git's own listing on the shared benchmark generator's tree.</summary>
public sealed partial class GitSyncManifestBuilderTests
{
    [Fact]
    public async Task BuildAsync_BenchRepo_EqualsGitLsFilesMinusDeletedAndScriptCount()
    {
        using var repo = TempGitRepo.Adopt("bench");
        var summary = await TestProcess.RunCheckedAsync(
            "python3", [SolutionPaths.MakeRepoScript, repo.Root, "--files", "300", "--ignored", "200"], repo.Home, repo.GitEnvironment)
            .WithTimeout();
        var expectedCount = int.Parse(
            Regex.Match(summary, @"expected_sync_files=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var listed = Split(await repo.GitAsync("ls-files", "-z", "--cached", "--others", "--exclude-standard").WithTimeout());
        var deleted = Split(await repo.GitAsync("ls-files", "-z", "--deleted").WithTimeout());
        var expected = listed.Except(deleted).Order(StringComparer.Ordinal).ToList();
        var info = new GitRepositoryLocator().Discover(repo.Root)!;

        var manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(info, new SyncSettings(), TestContext.Current.CancellationToken)
            .WithTimeout();

        Assert.Equal(expected, manifest.Files.Select(file => file.Path));
        Assert.Equal(expectedCount, manifest.Files.Count);
        Assert.Single(manifest.Deleted);
        Assert.Equal(0, manifest.Exclusions.Files);
        Assert.Equal(22, manifest.Changed.Count);
    }

    private static string[] Split(string nulSeparated) => nulSeparated.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
