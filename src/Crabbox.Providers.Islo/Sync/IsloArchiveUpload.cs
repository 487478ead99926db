using Crabbox.Core;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// Sends one tar.gz of some manifest entries into a workspace: streamed straight into the archive
/// upload API; if that API fails, written to a private temp file and sent over exec instead
/// (<see cref="IsloExecUploader"/>). Either way it is extracted over what the workspace holds.
/// </summary>
internal sealed class IsloArchiveUpload(IsloRuntime runtime, ISyncArchiveWriter archives, IsloExecUploader uploader)
{
    public async Task UploadAsync(
        string sandbox, string workspace, string root, IReadOnlyList<ManifestEntry> entries, IsloSyncPhases phases, CancellationToken cancellationToken)
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
                        await archives.WriteAsync(root, entries, body, options, token);
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
            await phases.TimeAsync("fallback", () => FallbackAsync(sandbox, workspace, root, entries, options, cancellationToken));
        }
    }

    private async Task FallbackAsync(
        string sandbox, string workspace, string root, IReadOnlyList<ManifestEntry> entries, SyncArchiveOptions options, CancellationToken cancellationToken)
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
            await archives.WriteAsync(root, entries, file, options, cancellationToken);
            file.Position = 0;
            await uploader.UploadAsync(sandbox, workspace, file, user: null, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
