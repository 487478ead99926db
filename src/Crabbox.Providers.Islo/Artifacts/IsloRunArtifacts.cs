using Crabbox.Core;
using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Artifacts;

/// <summary>
/// <c>--require-artifact</c> and <c>--download</c> after a successful command: each required file must
/// be readable (exit 7 otherwise), each download is written locally (exit 2 when that fails).
/// A path fetched twice is read once.
/// </summary>
internal sealed class IsloRunArtifacts(IsloRuntime runtime, IsloArtifactFetcher fetcher)
{
    public const string DownloadKind = "delegated-download";

    /// <summary>Fetches everything the run asked for; returns the downloads as timing artifacts.</summary>
    public async Task<IReadOnlyList<TimingArtifact>> RetrieveAsync(string sandbox, string workspace, RunRequest request, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in request.RequiredArtifacts)
        {
            await FetchAsync(sandbox, workspace, path, fetched, cancellationToken);
            await runtime.Error.WriteLineAsync($"required artifact {path} matched=1");
        }

        var artifacts = new List<TimingArtifact>();
        foreach (var download in request.Downloads)
        {
            var bytes = await FetchAsync(sandbox, workspace, download.RemotePath, fetched, cancellationToken);
            await WriteLocalAsync(download, bytes, cancellationToken);
            await runtime.Error.WriteLineAsync($"downloaded {download.LocalPath} bytes={bytes.Length}");
            artifacts.Add(new TimingArtifact { Kind = DownloadKind, Path = download.LocalPath, Bytes = bytes.Length });
        }

        return artifacts;
    }

    private async Task<byte[]> FetchAsync(
        string sandbox, string workspace, string path, Dictionary<string, byte[]> fetched, CancellationToken cancellationToken)
    {
        if (fetched.TryGetValue(path, out var cached))
        {
            return cached;
        }

        try
        {
            var bytes = await fetcher.FetchAsync(sandbox, workspace, path, cancellationToken);
            fetched[path] = bytes;
            return bytes;
        }
        catch (IsloArtifactException ex)
        {
            throw new CrabboxException(
                ExitCodes.Lifecycle,
                ex.TooLarge ? $"delegated artifact {path} exceeds {IsloArtifactFetcher.MaxBytes} bytes" : $"delegated artifact {path}: {ex.Message}",
                ex);
        }
    }

    private async Task WriteLocalAsync(DownloadSpec download, byte[] bytes, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(download.LocalPath, runtime.WorkingDirectory);
        try
        {
            if (Path.GetDirectoryName(target) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllBytesAsync(target, bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CrabboxException.Usage($"download {download.RemotePath}: write {download.LocalPath}: {ex.Message}");
        }
    }
}
