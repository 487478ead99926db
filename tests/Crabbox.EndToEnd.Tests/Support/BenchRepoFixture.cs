using System.Globalization;
using System.Text.RegularExpressions;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>
/// A synthetic checkout from <c>shared/bench/make-repo.py</c> (200 tracked files, 50 ignored, 20
/// untracked, one modified and one deleted file), with the sync set size the script promises.
/// </summary>
public sealed partial class BenchRepoFixture : IAsyncLifetime
{
    private TempGitRepo? _repo;

    public string Root => (_repo ?? throw new InvalidOperationException("fixture not initialized")).Root;

    /// <summary><c>expected_sync_files</c> from the script's summary line.</summary>
    public int ExpectedSyncFiles { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _repo = TempGitRepo.Adopt("bench");
        var summary = await TestProcess.RunCheckedAsync(
            "python3", [SolutionPaths.MakeRepoScript, _repo.Root, "--files", "200", "--ignored", "50"], _repo.Root, _repo.GitEnvironment);
        var match = ExpectedSyncFilesPattern().Match(summary);
        ExpectedSyncFiles = match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no expected_sync_files in make-repo output: {summary}");
    }

    public ValueTask DisposeAsync()
    {
        _repo?.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"expected_sync_files=(\d+)")]
    private static partial Regex ExpectedSyncFilesPattern();
}
