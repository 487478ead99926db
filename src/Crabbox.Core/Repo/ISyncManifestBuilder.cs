namespace Crabbox.Core.Repo;

/// <summary>Builds the list of files a sync ships, as Git sees the working tree.</summary>
public interface ISyncManifestBuilder
{
    /// <summary>
    /// Lists tracked plus untracked-but-not-ignored files of <paramref name="repo"/>, applies
    /// crabbox's exclude rules and reads each kept path's lstat data.
    /// </summary>
    /// <exception cref="CrabboxException">
    /// Exit code 6 when Git cannot list the files; exit code 2 when <c>.crabboxignore</c> cannot be read.
    /// </exception>
    Task<SyncManifest> BuildAsync(RepositoryInfo repo, SyncSettings settings, CancellationToken cancellationToken);
}
