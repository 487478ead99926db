using Crabbox.Core.Output;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// The bash the provider runs on the remote around a delta archive (each script is one
/// <c>bash -lc</c> exec in the workload user's name).
/// <para>
/// Extraction: the delta archive holds only <see cref="DeltaPlan.Upload"/> (files with content and
/// mode, symbolic links as links, no directory entries) and is extracted over the existing workspace
/// either by the archive upload API or by <see cref="ExtractArchive"/>. GNU tar needs no extra flags:
/// by default it unlinks an existing file or symbolic link before creating the new one (so a file
/// replaces a link and a link replaces a file, and the new mode is applied), creates missing parent
/// directories, and leaves other files alone. It cannot put a file where a non-empty directory is or
/// under a file, and it follows a symbolic link in a parent path; <see cref="DeltaPlan.Clear"/> removes
/// those first, which is why the <see cref="Prepare"/> scripts must run before the upload.
/// </para>
/// </summary>
public static class DeltaScripts
{
    /// <summary>Each script stays below this many UTF-8 bytes (Linux caps one exec argument at 128 KiB).</summary>
    public const int MaxScriptBytes = 100 * 1024;

    // crabbox_inside refuses a path whose parent chain is not all real directories: a symbolic link
    // the remote put there could point outside the workspace, and then there is nothing of ours below it.
    // One rm per call line, not per path: a fork per path costs seconds for thousands of paths.
    private const string Prologue = """
        set -u
        crabbox_status=0
        crabbox_inside() {
          local d=. r=$1
          while [[ $r == */* ]]; do
            d=$d/${r%%/*}
            r=${r#*/}
            [[ -d $d && ! -L $d ]] || return 1
          done
        }
        crabbox_rm() {
          local p
          local -a ok=()
          for p in "$@"; do
            crabbox_inside "$p" && ok+=("$p")
          done
          (( ${#ok[@]} == 0 )) || rm -rf -- "${ok[@]}" || crabbox_status=1
        }
        crabbox_rmdir() {
          local p
          local -a ok=()
          for p in "$@"; do
            crabbox_inside "$p" && ok+=("$p")
          done
          (( ${#ok[@]} == 0 )) || rmdir -- "${ok[@]}" 2>/dev/null
          return 0
        }

        """;

    /// <summary>Empties the workspace for a full sync: <c>rm -rf '&lt;ws&gt;' &amp;&amp; mkdir -p '&lt;ws&gt;'</c> (the reference's prepare command).</summary>
    public static string Wipe(string workspace)
    {
        RequireAbsolute(workspace);
        var quoted = ShellQuote.Quote(workspace);
        return $"rm -rf {quoted} && mkdir -p {quoted}";
    }

    /// <summary>The exec-fallback extraction of an uploaded archive: <c>tar -xzf '&lt;archive&gt;' -C '&lt;ws&gt;'</c>.</summary>
    public static string ExtractArchive(string archivePath, string workspace)
    {
        RequireAbsolute(archivePath);
        RequireAbsolute(workspace);
        return $"tar -xzf {ShellQuote.Quote(archivePath)} -C {ShellQuote.Quote(workspace)}";
    }

    /// <summary>
    /// The scripts that must run, in order, before a delta archive is extracted: remove
    /// <see cref="DeltaPlan.Delete"/>, then <see cref="DeltaPlan.Clear"/> (both <c>rm -rf</c>, skipping a
    /// path below a symbolic link or non-directory), then <c>rmdir</c> the
    /// <see cref="DeltaPlan.RemoveEmptyDirectories"/> that are empty. Each script <c>cd</c>s into the
    /// workspace (exit 1 when it is gone), stays under <see cref="MaxScriptBytes"/>, and exits non-zero
    /// when a removal failed. Empty for a plan with nothing to remove and for a full sync (use <see cref="Wipe"/>).
    /// </summary>
    /// <exception cref="CrabboxException">Exit code 6 when a path is absolute or not clean (<c>..</c>, empty components).</exception>
    public static IReadOnlyList<string> Prepare(string workspace, DeltaPlan plan)
    {
        RequireAbsolute(workspace);
        if (plan.FullResync)
        {
            return [];
        }

        var builder = new RemovalScriptBuilder($"cd -- {ShellQuote.Quote(workspace)} || exit 1\n" + Prologue);
        builder.AddCalls("crabbox_rm", plan.Delete);
        builder.AddCalls("crabbox_rm", plan.Clear);
        builder.AddCalls("crabbox_rmdir", plan.RemoveEmptyDirectories);
        return builder.Complete();
    }

    internal static void RequireAbsolute(string path)
    {
        if (!path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"remote path \"{path}\" must be absolute", nameof(path));
        }
    }
}
