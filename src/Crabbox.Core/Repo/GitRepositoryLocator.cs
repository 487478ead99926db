using LibGit2Sharp;

namespace Crabbox.Core.Repo;

/// <summary>Discovers checkouts with LibGit2Sharp (in process, no <c>git</c> spawn).</summary>
public sealed class GitRepositoryLocator : IRepositoryLocator
{
    public RepositoryInfo? Discover(string workingDirectory)
    {
        if (!Directory.Exists(workingDirectory))
        {
            return null;
        }

        try
        {
            var gitDirectory = Repository.Discover(Path.GetFullPath(workingDirectory));
            return gitDirectory is null ? null : Read(gitDirectory);
        }
        catch (LibGit2SharpException ex)
        {
            // For example a repository owned by another user (libgit2's safe.directory check).
            throw new CrabboxException(ExitCodes.Sync, $"read git repository for {workingDirectory}: {ex.Message}", ex);
        }
    }

    private static RepositoryInfo? Read(string gitDirectory)
    {
        using var repository = new Repository(gitDirectory);
        if (repository.Info.IsBare || repository.Info.WorkingDirectory is null)
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory);
        var remoteUrl = repository.Network.Remotes["origin"]?.Url;
        var head = repository.Head.Tip?.Sha;
        var branch = repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;
        var name = RepositoryNames.FromRemoteUrl(remoteUrl) ?? Path.GetFileName(root);
        return new RepositoryInfo(root, name, remoteUrl, head, branch);
    }
}
