using System.Buffers.Text;
using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Artifacts;

/// <summary>
/// Reads one small file from the workspace over exec. The remote script refuses anything that is
/// not a regular file at exactly <c>&lt;workspace&gt;/&lt;path&gt;</c> (symlinks and escapes fail the
/// realpath comparison), checks the opened descriptor is that file, and prints at most
/// <see cref="MaxBytes"/> + 1 bytes as base64, so an oversized file is detected without reading it all.
/// </summary>
internal sealed class IsloArtifactFetcher(IsloRuntime runtime)
{
    /// <summary>The largest file <c>--download</c> and <c>--require-artifact</c> accept.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>base64 of MaxBytes + 1 bytes plus room for line breaks.</summary>
    public const int MaxEncodedBytes = (MaxBytes + 1 + 2) / 3 * 4 + 4096;

    /// <summary>
    /// The file's bytes. Throws <see cref="IsloArtifactException"/> with the reference's
    /// <c>islo retrieve artifact &lt;path&gt;...</c> texts; <see cref="IsloArtifactException.TooLarge"/>
    /// marks a file over <see cref="MaxBytes"/>.
    /// </summary>
    public async Task<byte[]> FetchAsync(string sandbox, string workspace, string path, CancellationToken cancellationToken)
    {
        using var buffer = new BoundedOutputBuffer(MaxEncodedBytes);
        using var timeout = new CancellationTokenSource(runtime.Timeouts.ArtifactRead, runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        int exitCode;
        try
        {
            exitCode = await runtime.Client.ExecStreamAsync(
                sandbox,
                new IsloExecRequest { Command = Command(workspace, path) },
                buffer,
                runtime.Console.StandardError,
                linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IsloArtifactException($"islo retrieve artifact {path}: timed out after {GoDuration.Format(runtime.Timeouts.ArtifactRead)}");
        }
        catch (CrabboxException ex)
        {
            throw new IsloArtifactException($"islo retrieve artifact {path}: {ex.Message}");
        }

        if (exitCode != 0)
        {
            throw new IsloArtifactException($"islo retrieve artifact {path} exited {exitCode}");
        }

        if (buffer.Overflowed)
        {
            throw new IsloArtifactException($"islo retrieve artifact {path} exceeds encoded output bound");
        }

        var bytes = Decode(buffer.Kept, path);
        return bytes.Length > MaxBytes
            ? throw new IsloArtifactException($"islo retrieve artifact {path} exceeds {MaxBytes} bytes") { TooLarge = true }
            : bytes;
    }

    /// <summary><c>timeout --kill-after=1s 15s bash --noprofile --norc -c &lt;script&gt;</c>.</summary>
    internal static IReadOnlyList<string> Command(string workspace, string path) =>
        ["timeout", "--kill-after=1s", "15s", "bash", "--noprofile", "--norc", "-c", Script(workspace, path)];

    internal static string Script(string workspace, string path)
    {
        var ws = ShellQuote.Quote(workspace);
        return string.Join(
            '\n',
            "set -euo pipefail",
            $"cd {ws}",
            $"remote={ShellQuote.Quote(path)}",
            $"workspace_real=$(realpath -e -- {ws})",
            "resolved=$(realpath -e -- \"$remote\")",
            "expected=\"$workspace_real/$remote\"",
            "test \"$resolved\" = \"$expected\"",
            "test -f \"$resolved\"",
            "exec 3< \"$resolved\"",
            "opened=$(readlink -f -- /proc/$$/fd/3)",
            "test \"$opened\" = \"$resolved\"",
            "test -f /proc/$$/fd/3",
            $"head -c {MaxBytes + 1} <&3 | base64");
    }

    private static byte[] Decode(ReadOnlySpan<byte> encoded, string path)
    {
        var compact = new byte[encoded.Length];
        var length = 0;
        foreach (var b in encoded)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                compact[length++] = b;
            }
        }

        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(length)];
        var status = Base64.DecodeFromUtf8(compact.AsSpan(0, length), decoded, out _, out var written);
        return status == System.Buffers.OperationStatus.Done
            ? decoded[..written]
            : throw new IsloArtifactException($"islo retrieve artifact {path}: decode base64: invalid base64 data");
    }
}
