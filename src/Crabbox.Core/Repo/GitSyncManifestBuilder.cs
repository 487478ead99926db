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
        var assembler = new ManifestAssembler(repo.Root, ExcludeRuleSet.Create(settings.Excludes, ignoreLines));
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var tracked = _reader.ReadTrackedAsync(repo.Root, listing.Token);
            var untracked = _reader.ReadUntrackedAsync(repo.Root, listing.Token);
            var dirty = _reader.ReadDirtyAsync(repo.Root, listing.Token);

            // Tracked files are evaluated and lstat-ed on the pool while git still walks the tree
            // for untracked files (the slowest listing), so both cores stay busy.
            var trackedEntries = await tracked;
            var trackedWork = Task.Run(() => assembler.AddTracked(trackedEntries), listing.Token);
            var untrackedPaths = await untracked;
            await trackedWork;
            assembler.AddUntracked(untrackedPaths);
            return assembler.Complete(await dirty);
        }
        catch
        {
            await listing.CancelAsync();
            throw;
        }
    }
}
