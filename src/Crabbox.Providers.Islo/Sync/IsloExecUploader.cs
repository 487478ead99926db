using System.Security.Cryptography;
using Crabbox.Core;
using Crabbox.Core.Output;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// The fallback when the archive API fails: the tar.gz travels as base64 text in 48 KiB blocks,
/// each appended to a remote temp file by one exec, then decoded and extracted in one step that
/// also removes the temp files. Success is judged by exit codes only. If any step fails the temp
/// files are removed on a fresh timeout, even after Ctrl-C.
/// </summary>
internal sealed class IsloExecUploader(IsloRuntime runtime, IsloHelperExec exec)
{
    /// <summary>Raw bytes per chunk: full blocks encode without padding (65 536 base64 characters).</summary>
    public const int ChunkBytes = 48 * 1024;

    /// <summary>Streams <paramref name="archive"/> (read from its current position) into <paramref name="workspace"/>.</summary>
    public async Task UploadAsync(string sandbox, string workspace, Stream archive, string? user, CancellationToken cancellationToken)
    {
        var stem = "/tmp/crabbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var encoded = stem + ".tgz.b64";
        var decoded = stem + ".tgz";
        var cleanup = $"rm -f {ShellQuote.Quote(encoded)} {ShellQuote.Quote(decoded)}";
        try
        {
            await exec.RunAsync(sandbox, cleanup, user, cancellationToken);
            var buffer = new byte[ChunkBytes];
            while (await ReadChunkAsync(archive, buffer, cancellationToken) is var read and > 0)
            {
                var chunk = Convert.ToBase64String(buffer, 0, read);
                await exec.RunAsync(sandbox, $"printf %s {ShellQuote.Quote(chunk)} >> {ShellQuote.Quote(encoded)}", user, cancellationToken);
            }

            await exec.RunAsync(sandbox, ExtractCommand(encoded, decoded, workspace), user, cancellationToken);
        }
        catch (Exception)
        {
            await CleanUpAsync(sandbox, cleanup, user);
            throw;
        }
    }

    /// <summary>
    /// Decodes (GNU <c>base64 -d</c>, else <c>--decode</c>), extracts, and removes both temp files
    /// whatever happened, exiting with the extraction's status.
    /// </summary>
    internal static string ExtractCommand(string encoded, string decoded, string workspace)
    {
        var b64 = ShellQuote.Quote(encoded);
        var tgz = ShellQuote.Quote(decoded);
        return $"if base64 -d {b64} > {tgz} 2>/dev/null; then :; else base64 --decode {b64} > {tgz}; fi"
            + $" && tar -xzf {tgz} -C {ShellQuote.Quote(workspace)}; status=$?; rm -f {b64} {tgz}; exit $status";
    }

    private static async Task<int> ReadChunkAsync(Stream archive, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await archive.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new CrabboxException(ExitCodes.Sync, $"islo read archive for fallback upload: {ex.Message}", ex);
        }
    }

    private async Task CleanUpAsync(string sandbox, string cleanup, string? user)
    {
        using var timeout = new CancellationTokenSource(runtime.Timeouts.Cleanup, runtime.Time);
        try
        {
            await exec.RunAsync(sandbox, cleanup, user, timeout.Token);
        }
        catch (Exception ex) when (ex is CrabboxException or OperationCanceledException or HttpRequestException or IOException)
        {
            // Best effort: /tmp files of a sandbox that fails this badly are the least of its problems.
        }
    }
}
