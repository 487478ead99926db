using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>
/// A provider's delta sync, played end to end with the real pieces: a real Git checkout as the local
/// side, a plain directory as the remote workspace, <c>bash</c> running the listing and prepare scripts,
/// and GNU tar extracting the archive, in exactly the order <see cref="SyncAsync"/> documents.
/// </summary>
internal sealed class DeltaSyncHarness : IDisposable
{
    public const string LeaseId = "cbx_00000000beef";

    private readonly TempDirectory _remote = new("crabbox-remote");
    private readonly TempDirectory _state = new("crabbox-state");
    private readonly GitSyncManifestBuilder _builder;
    private readonly LocalContentHasher _hasher;

    private DeltaSyncHarness(TempGitRepo repo, TimeProvider hashClock)
    {
        Repo = repo;
        var paths = new CrabboxPaths(new EnvironmentVariables(new Dictionary<string, string> { ["HOME"] = _state.Path, ["XDG_STATE_HOME"] = _state.Path }));
        Store = new SyncRecordStore(paths);
        _builder = new GitSyncManifestBuilder(repo.Environment);
        _hasher = new LocalContentHasher(LocalContentHasher.DefaultCacheDirectory(paths), hashClock);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(System.IO.Path.Combine(Outside, "sentinel"), "outside the workspace");
    }

    public TempGitRepo Repo { get; }

    public SyncRecordStore Store { get; }

    /// <summary>The remote workspace (absolute, with a space to keep quoting honest).</summary>
    public string Workspace => _remote.Combine("remote workspace");

    /// <summary>A directory outside the workspace that escape links point at; nothing may ever write into it.</summary>
    public string Outside => _remote.Combine("outside");

    /// <param name="hashClock">The hasher's clock; one running ahead lets files written moments ago come from its cache.</param>
    public static async Task<DeltaSyncHarness> CreateAsync(TimeProvider? hashClock = null) =>
        new(await TempGitRepo.CreateAsync(), hashClock ?? TimeProvider.System);

    public string RemotePath(string relativePath) => System.IO.Path.Combine(Workspace, relativePath);

    /// <summary>
    /// One sync as a provider runs it on a reused sandbox: load the record, hash, list (one exec),
    /// plan; if empty stop; full: forget the record and wipe; delta: save the pending record and run
    /// the prepare scripts; upload and extract one archive; list again (a delta: only what it sent);
    /// save the new record.
    /// </summary>
    /// <param name="fullResync">Plays <c>--full-resync</c>.</param>
    /// <param name="crashAfterExtract">Stops after the extraction, as if crabbox died before saving the new record.</param>
    public async Task<SyncPass> SyncAsync(bool fullResync = false, bool crashAfterExtract = false)
    {
        var (manifest, previous, hashes, listingScript, before, plan) = await PlanCoreAsync(fullResync);
        if (plan.IsEmpty)
        {
            return new SyncPass(manifest, previous, before, plan, hashes, null);
        }

        if (plan.FullResync)
        {
            Store.Delete(LeaseId, Workspace);
            await RunAsync(DeltaScripts.Wipe(Workspace));
        }
        else
        {
            await Store.SaveAsync(LeaseId, SyncRecordBuilder.Pending(previous!, plan, hashes.Hashes), Token);
            foreach (var script in DeltaScripts.Prepare(Workspace, plan))
            {
                await RunAsync(script);
            }
        }

        var after = before;
        if (plan.Upload.Count > 0)
        {
            var archive = _remote.Combine("upload.tgz");
            await using (var stream = File.Create(archive))
            {
                await new TarGzSyncArchiveWriter().WriteAsync(manifest.Root, plan.Upload, stream, SyncArchiveOptions.Default, Token).WithTimeout();
            }

            await RunAsync(DeltaScripts.ExtractArchive(archive, Workspace));
            File.Delete(archive);
            if (crashAfterExtract)
            {
                return new SyncPass(manifest, previous, before, plan, hashes, null);
            }

            // A delta lists only what it sent (and the parents), as providers do after a small upload.
            after = !plan.FullResync && RemoteListing.UploadScript(Workspace, plan) is { } uploaded
                ? RemoteListing.AfterUpload(before, plan, RemoteListing.ParsePaths(await RunAsync(uploaded)))
                : RemoteListing.Parse(await RunAsync(listingScript));
        }

        var result = SyncRecordBuilder.Build(Workspace, manifest, hashes.Hashes, after);
        await Store.SaveAsync(LeaseId, result.Record, Token);
        return new SyncPass(manifest, previous, before, plan, hashes, result);
    }

    /// <summary>Plans a sync without applying it.</summary>
    public async Task<DeltaPlan> PlanAsync() => (await PlanCoreAsync(fullResync: false)).Item6;

    public void Dispose()
    {
        Repo.Dispose();
        _remote.Dispose();
        _state.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(SyncManifest, SyncRecord?, LocalHashResult, string, RemoteSnapshot, DeltaPlan)> PlanCoreAsync(bool fullResync)
    {
        var manifest = await _builder.BuildAsync(new RepositoryInfo(Repo.Root, "work", null, null, null), new SyncSettings(), Token).WithTimeout();
        var previous = await Store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();
        var hashes = await _hasher.HashAsync(manifest, Token).WithTimeout();
        var listingScript = RemoteListing.Script(Workspace, RemoteListing.PruneNames(manifest, previous));
        var before = RemoteListing.Parse(await RunAsync(listingScript));
        var plan = DeltaPlanner.Plan(manifest, hashes.Hashes, previous, before, fullResync);
        return (manifest, previous, hashes, listingScript, before, plan);
    }

    private Task<string> RunAsync(string script) => Bash.RunCheckedAsync(script, _remote.Path);
}
