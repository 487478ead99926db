namespace Crabbox.Core.Repo;

/// <summary>
/// Builds the sync manifest from the <c>git</c> CLI's view of the working tree (tracked files plus
/// untracked files that are not ignored; deleted files, submodules and <c>.git</c> are out), then
/// applies crabbox's exclude rules and lstats every kept path.
/// </summary>
/// <param name="environment">The variables git runs with (an allow-listed subset is passed on).</param>
public sealed class GitSyncManifestBuilder(EnvironmentVariables environment) : ISyncManifestBuilder
{
    private readonly GitWorktreeReader _reader = new(new GitCommandRunner(environment));

    public async Task<SyncManifest> BuildAsync(RepositoryInfo repo, SyncSettings settings, CancellationToken cancellationToken)
    {
        var ignoreLines = await CrabboxIgnoreFile.ReadLinesAsync(repo.Root, cancellationToken);
        var rules = ExcludeRuleSet.Create(settings.Excludes, ignoreLines);
        var listing = await _reader.ReadAsync(repo.Root, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return new ManifestAssembler(repo.Root, rules, listing).Assemble();
    }
}
