using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// Ships a checkout to <c>/workspace/&lt;workdir&gt;</c>. The manifest and guardrails come first
/// (before any sandbox exists). A workspace with a sync record (an earlier sync to this lease) gets
/// a delta: the remote is listed in one exec while the local files are hashed, and only new and
/// changed entries go, as one archive, after removing what crabbox synced before and is gone
/// locally (see <c>Crabbox.Core/Sync/Delta/README.md</c>). Nothing changed means no upload and no
/// further exec. A workspace without a record, or <c>--full-resync</c>, is wiped (with
/// <c>sync.delete</c>, the default) and gets everything; then it is listed once more and recorded,
/// unless the sandbox is deleted at the end of the run anyway.
/// </summary>
internal sealed class IsloWorkspaceSync(
    IsloRuntime runtime,
    ISyncManifestBuilder manifests,
    ISyncArchiveWriter archives,
    IsloHelperExec exec,
    IsloExecUploader uploader)
{
    public const string TotalPhase = "islo_sync";

    private static readonly Dictionary<string, string> s_noHashes = [];

    private readonly SyncRecordStore _records = new(runtime.Paths);
    private readonly LocalContentHasher _hasher = new(LocalContentHasher.DefaultCacheDirectory(runtime.Paths), runtime.Time);
    private readonly IsloRemoteListing _listing = new(exec);
    private readonly IsloArchiveUpload _upload = new(runtime, archives, uploader);

    /// <summary>Builds the manifest and enforces the guardrails (prints <c>sync candidate: ...</c>; exit 6 when too large).</summary>
    public async Task<IsloSyncSource> PrepareSourceAsync(RepositoryInfo repo, CancellationToken cancellationToken)
    {
        var started = runtime.Time.GetTimestamp();
        var manifest = await manifests.BuildAsync(repo, runtime.Settings.Sync, cancellationToken);
        var manifestTime = runtime.Elapsed(started);
        started = runtime.Time.GetTimestamp();
        SyncGuardrails.Enforce(manifest, runtime.Settings.Sync, runtime.Console);
        return new IsloSyncSource(manifest, manifestTime, runtime.Elapsed(started));
    }

    /// <summary>
    /// Brings the workspace up to date (delta or full, see the type) and returns the timings.
    /// Bounded by <c>sync.timeout</c> (exit 6). A failure part-way leaves a record that makes the
    /// next sync send the unconfirmed entries again (or none, so the next sync is full).
    /// </summary>
    public async Task<IsloSyncResult> SyncAsync(IsloSyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = runtime.Time.GetTimestamp();
        var phases = new IsloSyncPhases(runtime.Time);
        phases.Add("manifest", request.Source.ManifestTime);
        phases.Add("preflight", request.Source.PreflightTime);
        using var limit = new CancellationTokenSource(runtime.Settings.SyncTimeout, runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        bool skipped;
        try
        {
            skipped = await RunAsync(request, phases, linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CrabboxException(ExitCodes.Sync, $"sync timed out after {GoDuration.Format(runtime.Settings.SyncTimeout)} (sync.timeout)");
        }

        var total = request.Source.ManifestTime + request.Source.PreflightTime + runtime.Elapsed(started);
        phases.Add(TotalPhase, total);
        return new IsloSyncResult(total, phases.Phases, skipped);
    }

    /// <summary>
    /// For a reused lease: loads the workspace's record and, when there is one, starts the listing
    /// exec right away, so it runs while the manifest is built. Null without a record. The caller
    /// passes the result to <see cref="SyncAsync"/> (or disposes it).
    /// </summary>
    public async Task<IsloEarlyListing?> StartListingAsync(string sandbox, string leaseId, string workspace, CancellationToken cancellationToken)
    {
        var file = await _records.OpenAsync(leaseId, workspace, cancellationToken);
        if (file is null)
        {
            return null;
        }

        // The script needs only the record's header; its entries are read while the exec runs.
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var script = RemoteListing.Script(workspace, file.PruneNames);
        var listing = Measure(() => _listing.TryListAsync(sandbox, script, paths: false, cancel.Token));
        if (file.Read() is { } previous)
        {
            return new IsloEarlyListing(previous, listing, cancel);
        }

        // Invalid entries: no record, so a full sync that needs no listing.
        await cancel.CancelAsync();
        await Task.WhenAny(listing);
        cancel.Dispose();
        return null;
    }

    /// <summary>
    /// Only makes sure the workspace exists (<c>--no-sync</c>). Unlike the Go crabbox this never wipes
    /// it, so a warm sandbox keeps the files of earlier runs; its sync record stays as it is.
    /// </summary>
    public Task EnsureWorkspaceAsync(string sandbox, string workspace, CancellationToken cancellationToken) =>
        exec.RunAsync(sandbox, $"mkdir -p {ShellQuote.Quote(workspace)}", user: null, cancellationToken);

    /// <summary>True when nothing needed sending.</summary>
    private async Task<bool> RunAsync(IsloSyncRequest request, IsloSyncPhases phases, CancellationToken cancellationToken)
    {
        var manifest = request.Source.Manifest;
        var early = request.FullResync ? null : request.EarlyListing;
        var previous = early?.Previous
            ?? (request.FullResync ? null : await _records.LoadAsync(request.LeaseId, request.Workspace, cancellationToken));
        if (previous is null)
        {
            // A first sync says nothing more than "sync complete"; --full-resync says what it does.
            var narration = request.FullResync ? DeltaPlanner.Plan(manifest, s_noHashes, null, null, fullResync: true).Describe() : null;
            await FullAsync(request, phases, narration, hashes: null, cancellationToken);
            return false;
        }

        var pruneNames = RemoteListing.PruneNames(manifest, previous);
        var script = RemoteListing.Script(request.Workspace, pruneNames);
        var hashing = Measure(() => _hasher.HashAsync(manifest, cancellationToken));
        var listing = early is not null && RemoteListing.Covers(early.Previous.PruneNames, pruneNames)
            ? early.Listing
            : Measure(() => _listing.TryListAsync(request.Sandbox, script, paths: false, cancellationToken));
        // An early listing runs on the run's token; sync.timeout still bounds the wait for it.
        await Task.WhenAll(hashing, listing).WaitAsync(cancellationToken);
        var (hashes, hashTime) = await hashing;
        var ((before, listingError), listingTime) = await listing;
        phases.Add("hash", hashTime);
        phases.Add("listing", listingTime);
        if (listingError is not null)
        {
            await runtime.Error.WriteLineAsync($"warning: remote listing failed: {listingError}; syncing everything");
        }

        var plan = phases.Time(
            "plan", () => DeltaPlanner.Plan(manifest, hashes.Hashes, previous, before, fullResync: false, runtime.Settings.SyncDelete));
        if (plan.IsEmpty)
        {
            await runtime.Error.WriteLineAsync(plan.Describe());
            return true;
        }

        if (plan.FullResync)
        {
            await FullAsync(request, phases, plan.Describe(), hashes, cancellationToken);
            return false;
        }

        await runtime.Error.WriteLineAsync(plan.Describe());
        await phases.TimeAsync("prepare", async () =>
        {
            // Saved before anything changes remotely: if the sync dies part-way, the next one still
            // knows every path this one may have sent.
            await RecordStoreStepAsync(() => _records.SaveAsync(request.LeaseId, SyncRecordBuilder.Pending(previous, plan, hashes.Hashes), cancellationToken));
            foreach (var prepare in DeltaScripts.Prepare(request.Workspace, plan))
            {
                await exec.RunAsync(request.Sandbox, prepare, user: null, "remove stale paths", cancellationToken);
            }
        });
        if (plan.Upload.Count > 0)
        {
            await phases.TimeAsync(
                "upload", () => _upload.UploadAsync(request.Sandbox, request.Workspace, manifest.Root, plan.Upload, phases, cancellationToken));
        }

        await phases.TimeAsync(
            "record", () => RecordAsync(request, hashes, pruneNames, () => ListAfterDeltaAsync(request, script, before!, plan, cancellationToken), cancellationToken));
        return false;
    }

    // narration: the line to print first, if any. hashes: the local hashes when already taken;
    // else (when recording) they are taken while the workspace is wiped and uploaded.
    private async Task FullAsync(
        IsloSyncRequest request, IsloSyncPhases phases, string? narration, LocalHashResult? hashes, CancellationToken cancellationToken)
    {
        var manifest = request.Source.Manifest;
        if (narration is not null)
        {
            await runtime.Error.WriteLineAsync(narration);
        }

        // The wipe removes everything the record describes; without it a failure part-way would
        // leave a record of files that are gone.
        await RecordStoreStepAsync(() =>
        {
            _records.Delete(request.LeaseId, request.Workspace);
            return Task.CompletedTask;
        });

        // Hashing (needed only for the record) overlaps the wipe and the upload.
        using var hashCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hashing = hashes is not null || !request.Record
            ? null
            : Measure(() => _hasher.HashAsync(manifest, hashCancel.Token));
        try
        {
            var quoted = ShellQuote.Quote(request.Workspace);
            var wipe = request.FullResync || runtime.Settings.SyncDelete;
            await phases.TimeAsync(
                "prepare", () => exec.RunAsync(request.Sandbox, wipe ? DeltaScripts.Wipe(request.Workspace) : $"mkdir -p {quoted}", null, cancellationToken));
            await phases.TimeAsync(
                "upload", () => _upload.UploadAsync(request.Sandbox, request.Workspace, manifest.Root, manifest.Files, phases, cancellationToken));
            if (!request.Record)
            {
                return;
            }

            var recorded = hashes;
            if (hashing is not null)
            {
                // Added only now, so the phases keep one order however the two overlapped.
                (recorded, var hashTime) = await hashing;
                phases.Add("hash", hashTime);
            }

            var pruneNames = RemoteListing.PruneNames(manifest, previous: null);
            var script = RemoteListing.Script(request.Workspace, pruneNames);
            await phases.TimeAsync(
                "record",
                () => RecordAsync(request, recorded!, pruneNames, () => _listing.TryListAsync(request.Sandbox, script, paths: false, cancellationToken), cancellationToken));
        }
        finally
        {
            if (hashing is { IsCompleted: false })
            {
                await hashCancel.CancelAsync();
                await Task.WhenAny(hashing);
            }
        }
    }

    /// <summary>
    /// What the workspace holds after a delta. Removals touch no manifest path, so without an upload
    /// the plan's listing still describes it; after a small upload only the sent paths (and their
    /// parents) are listed again; a larger one lists the whole workspace.
    /// </summary>
    private async Task<(RemoteSnapshot? Snapshot, string? Error)> ListAfterDeltaAsync(
        IsloSyncRequest request, string script, RemoteSnapshot before, DeltaPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Upload.Count == 0)
        {
            return (before, null);
        }

        if (RemoteListing.UploadScript(request.Workspace, plan) is not { } uploaded)
        {
            return await _listing.TryListAsync(request.Sandbox, script, paths: false, cancellationToken);
        }

        var (listed, error) = await _listing.TryListAsync(request.Sandbox, uploaded, paths: true, cancellationToken);
        return listed is { Status: RemoteSnapshotStatus.Listed } ? (RemoteListing.AfterUpload(before, plan, listed), null) : (listed, error);
    }

    /// <summary>Takes the listing after the upload and saves the record built from it (a warning instead when there is none).</summary>
    private async Task RecordAsync(
        IsloSyncRequest request,
        LocalHashResult hashes,
        IReadOnlyList<string> pruneNames,
        Func<Task<(RemoteSnapshot? Snapshot, string? Error)>> listAfter,
        CancellationToken cancellationToken)
    {
        var (after, error) = await listAfter();
        if (after is not { Status: RemoteSnapshotStatus.Listed })
        {
            await runtime.Error.WriteLineAsync(
                $"warning: sync record not saved ({error ?? "the workspace could not be listed"}); the next sync sends these files again");
            return;
        }

        var result = SyncRecordBuilder.Build(request.Workspace, request.Source.Manifest, hashes.Hashes, after, pruneNames);
        if (result.Unverified.Count > 0)
        {
            await runtime.Error.WriteLineAsync(
                $"warning: {result.Unverified.Count} synced paths did not arrive as sent (first: {result.Unverified[0]}); the next sync sends them again");
        }

        try
        {
            await _records.SaveAsync(request.LeaseId, result.Record, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The pending record (or none, after a full sync) stays: the next sync sends these again.
            await runtime.Error.WriteLineAsync($"warning: sync record not saved ({ex.Message}); the next sync sends these files again");
        }
    }

    /// <summary>A record change that must happen before the workspace changes: failing it stops the sync (exit 6).</summary>
    private static async Task RecordStoreStepAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CrabboxException(ExitCodes.Sync, $"update sync record: {ex.Message}", ex);
        }
    }

    private async Task<(T Result, TimeSpan Elapsed)> Measure<T>(Func<Task<T>> step)
    {
        var started = runtime.Time.GetTimestamp();
        var result = await step();
        return (result, runtime.Elapsed(started));
    }
}
