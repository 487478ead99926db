using System.ComponentModel;
using System.Diagnostics;

namespace Crabbox.Islo.Emulator.State;

/// <summary>
/// Empties the trash without making a caller wait. A deleted sandbox's folder holds a whole
/// repository copy plus whatever its commands built (hundreds of megabytes, tens of thousands of
/// files), so removing it inline made DELETE, and the exit of a crabbox process hosting the
/// emulator, take as long as the disk did. A detached <c>rm</c> removes it instead and outlives
/// the emulator; DELETE answers at once, as Islo's does. Whatever a collector did not finish (a
/// crash, Ctrl-C reaching the process group) is collected again at the next start.
/// </summary>
internal sealed class TrashCollector(StateLayout layout)
{
    // The shell drops crabbox's stdio first, so a reader of crabbox's output never waits for it;
    // folders a sandbox made read-only are opened up only when a plain rm fails. Neither rm nor
    // GNU/BSD chmod -R follows symbolic links, so a planted link cannot reach the host.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        for path in "$@"; do
          rm -rf -- "$path" || { chmod -R u+rwx -- "$path"; rm -rf -- "$path"; }
        done
        """;

    /// <summary>
    /// Renames <paramref name="path"/> into the trash (so its name is free at once) under a unique
    /// name starting with <paramref name="label"/>, and removes it in the background. False when
    /// there is nothing at <paramref name="path"/>.
    /// </summary>
    public bool Discard(string path, string label)
    {
        var trashPath = Path.Combine(layout.TrashDirectory, $"{label}-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(path, trashPath);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }

        Collect([trashPath]);
        return true;
    }

    /// <summary>Removes <paramref name="paths"/>, entries of the trash, in the background.</summary>
    /// <exception cref="ArgumentException">A path is not directly inside the trash folder: a bug, never an rm -rf elsewhere.</exception>
    public void Collect(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), layout.TrashDirectory, StringComparison.Ordinal))
            {
                throw new ArgumentException($"not an entry of the trash folder {layout.TrashDirectory}: {path}", nameof(paths));
            }
        }

        if (paths.Count == 0)
        {
            return;
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("crabbox-trash");
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        try
        {
            // Not awaited on purpose; disposing only closes our ends of its (already dropped) pipes.
            using var process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            // No /bin/sh to hand the work to: delete inline, slower but never left behind.
            foreach (var path in paths)
            {
                DirectoryTree.Delete(path);
            }
        }
    }

    /// <summary>Collects what an earlier emulator left in the trash.</summary>
    public void CollectLeftovers()
    {
        if (Directory.Exists(layout.TrashDirectory))
        {
            Collect([.. Directory.EnumerateFileSystemEntries(layout.TrashDirectory)]);
        }
    }
}
