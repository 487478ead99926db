using System.ComponentModel;

namespace Crabbox.Core.Repo;

/// <summary>
/// Lists a working tree with a few concurrent <c>git</c> processes (never one per file): tracked
/// entries, untracked files, worktree deletions and modifications, and staged changes. Measured on
/// a 20,000-file tree, the git CLI lists in about 0.2 s where LibGit2Sharp's status walk takes
/// about 0.37 s; splitting the listing lets the caller lstat tracked files while git still walks
/// the tree for untracked ones.
/// </summary>
internal sealed class GitWorktreeReader(GitCommandRunner git)
{
    private static readonly string[] s_tracked = ["ls-files", "-z", "--stage"];

    private static readonly string[] s_untracked = ["ls-files", "-z", "--others", "--exclude-standard"];

    private static readonly string[] s_deletedAndModified = ["ls-files", "-z", "-t", "--deleted", "--modified"];

    private static readonly string[] s_staged =
    [
        "diff", "--cached", "--name-status", "-z", "--no-renames", "--ignore-submodules=all", "--no-ext-diff",
    ];

    /// <summary>Index entries with their modes, one per path.</summary>
    /// <exception cref="CrabboxException">Exit code 6 when git fails or is missing.</exception>
    public async Task<List<GitIndexEntry>> ReadTrackedAsync(string root, CancellationToken cancellationToken) =>
        GitListingParser.ParseStage(await RunAsync(root, s_tracked, cancellationToken));

    /// <summary>Untracked paths that no Git ignore source excludes (a nested repository shows as <c>dir/</c>).</summary>
    /// <exception cref="CrabboxException">Exit code 6 when git fails or is missing.</exception>
    public async Task<List<string>> ReadUntrackedAsync(string root, CancellationToken cancellationToken) =>
        GitListingParser.ParsePaths(await RunAsync(root, s_untracked, cancellationToken));

    /// <summary>Worktree deletions and modifications against the index, and staged changes against HEAD.</summary>
    /// <exception cref="CrabboxException">Exit code 6 when git fails or is missing.</exception>
    public async Task<GitDirtyState> ReadDirtyAsync(string root, CancellationToken cancellationToken)
    {
        var worktree = RunAsync(root, s_deletedAndModified, cancellationToken);
        var staged = RunAsync(root, s_staged, cancellationToken);
        var state = new GitDirtyState();
        GitListingParser.ParseDeletedAndModified(await worktree, state);
        GitListingParser.ParseStagedChanges(await staged, state);
        return state;
    }

    private async Task<string> RunAsync(string root, string[] arguments, CancellationToken cancellationToken)
    {
        GitCommandResult result;
        try
        {
            result = await git.RunAsync(root, arguments, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            throw new CrabboxException(
                ExitCodes.Sync, $"build sync file list: git could not be started ({ex.Message}); install git or pass --no-sync", ex);
        }

        if (result.ExitCode == 0)
        {
            return result.Output;
        }

        var detail = result.FirstErrorLine;
        if (detail.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
        {
            throw new CrabboxException(
                ExitCodes.Sync,
                $"build sync file list: {root} is not a Git repository: crabbox builds its sync manifest from Git; run 'git init' here to sync files, or pass --no-sync");
        }

        throw new CrabboxException(ExitCodes.Sync, $"build sync file list: git {arguments[0]} in {root} failed: {detail}");
    }
}
