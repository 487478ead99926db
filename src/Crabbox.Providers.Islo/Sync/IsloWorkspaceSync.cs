using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;
using Crabbox.Core.Runs;
using Crabbox.Core.Sync;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// Ships a checkout to <c>/workspace/&lt;workdir&gt;</c>: the manifest and guardrails first (before
/// any sandbox exists), then the workspace is prepared and the tar.gz is streamed straight into
/// the archive upload. If the archive API fails, the archive is written to a private temp file
/// and sent over exec instead (<see cref="IsloExecUploader"/>).
/// Every sync currently replaces the whole tree; delta sync for reused sandboxes plugs in here.
/// </summary>
internal sealed class IsloWorkspaceSync(
    IsloRuntime runtime,
    ISyncManifestBuilder manifests,
    ISyncArchiveWriter archives,
    IsloHelperExec exec,
    IsloExecUploader uploader)
{
    public const string TotalPhase = "islo_sync";

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
    /// Wipes the workspace (when <c>sync.delete</c> is on, the default, or for <c>--full-resync</c>),
    /// uploads the tree, and returns the timings. Bounded by <c>sync.timeout</c> (exit 6).
    /// </summary>
    public async Task<IsloSyncResult> SyncAsync(string sandbox, string workspace, IsloSyncSource source, bool fullResync, CancellationToken cancellationToken)
    {
        var phases = new List<TimingPhase> { Phase("manifest", source.ManifestTime), Phase("preflight", source.PreflightTime) };
        var total = source.ManifestTime + source.PreflightTime;
        using var limit = new CancellationTokenSource(runtime.Settings.SyncTimeout, runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var wipe = fullResync || runtime.Settings.SyncDelete;
            total += await TimeAsync(phases, "prepare", () => PrepareAsync(sandbox, workspace, wipe, linked.Token));
            total += await TimeAsync(phases, "upload", () => UploadAsync(sandbox, workspace, source.Manifest, phases, linked.Token));
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CrabboxException(ExitCodes.Sync, $"sync timed out after {GoDuration.Format(runtime.Settings.SyncTimeout)} (sync.timeout)");
        }

        phases.Add(Phase(TotalPhase, total));
        return new IsloSyncResult(total, phases);
    }

    /// <summary>
    /// Only makes sure the workspace exists (<c>--no-sync</c>). Unlike the Go crabbox this never wipes
    /// it, so a warm sandbox keeps the files of earlier runs.
    /// </summary>
    public Task EnsureWorkspaceAsync(string sandbox, string workspace, CancellationToken cancellationToken) =>
        PrepareAsync(sandbox, workspace, wipe: false, cancellationToken);

    private Task PrepareAsync(string sandbox, string workspace, bool wipe, CancellationToken cancellationToken)
    {
        var quoted = ShellQuote.Quote(workspace);
        var command = wipe ? $"rm -rf {quoted} && mkdir -p {quoted}" : $"mkdir -p {quoted}";
        return exec.RunAsync(sandbox, command, user: null, cancellationToken);
    }

    private async Task UploadAsync(string sandbox, string workspace, SyncManifest manifest, List<TimingPhase> phases, CancellationToken cancellationToken)
    {
        var options = new SyncArchiveOptions { CompressionLevel = runtime.Settings.Compression };
        Exception? archiveFailure = null;
        try
        {
            await runtime.Client.UploadArchiveAsync(
                sandbox,
                workspace,
                async (body, token) =>
                {
                    try
                    {
                        await archives.WriteAsync(manifest.Root, manifest.Files, body, options, token);
                    }
                    catch (CrabboxException ex)
                    {
                        // A bad tree (unsafe path, vanished file) fails the same way over exec: no fallback.
                        archiveFailure = ex;
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex != archiveFailure && ex is CrabboxException or HttpRequestException or IOException)
        {
            await runtime.Error.WriteLineAsync($"warning: islo archive API upload failed; falling back to exec upload: {ex.Message}");
            await TimeAsync(phases, "fallback", () => FallbackAsync(sandbox, workspace, manifest, options, cancellationToken));
        }
    }

    private async Task FallbackAsync(string sandbox, string workspace, SyncManifest manifest, SyncArchiveOptions options, CancellationToken cancellationToken)
    {
        var path = Path.Combine(runtime.TempDirectory, $"crabbox-islo-sync-{Guid.NewGuid():N}.tgz");
        try
        {
            var fileOptions = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var file = new FileStream(path, fileOptions);
            await archives.WriteAsync(manifest.Root, manifest.Files, file, options, cancellationToken);
            file.Position = 0;
            await uploader.UploadAsync(sandbox, workspace, file, user: null, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<TimeSpan> TimeAsync(List<TimingPhase> phases, string name, Func<Task> step)
    {
        var started = runtime.Time.GetTimestamp();
        await step();
        var elapsed = runtime.Elapsed(started);
        phases.Add(Phase(name, elapsed));
        return elapsed;
    }

    private static TimingPhase Phase(string name, TimeSpan elapsed) =>
        new() { Name = name, Ms = (long)Math.Round(elapsed.TotalMilliseconds, MidpointRounding.AwayFromZero) };
}
