using System.Runtime.Versioning;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>
/// Random edits of a working tree from a small name space, so that paths keep colliding: adds,
/// edits (same or other size), deletes, renames, exec-bit flips, links (new, retargeted, file to
/// link and back) and directory/file swaps. Names include spaces, quotes, unicode, a leading dash
/// and a newline.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class LocalMutator(string root, Random random)
{
    private static readonly string[] s_segments = ["a", "b", "c d", "ü", "-x", "q'u", "n\nl", "f"];
    private static readonly string[] s_linkTargets = ["a", "f", "../outside", "/tmp/crabbox-nowhere", "ü/n\nl", "c d/f", "dangling"];

    public string RandomPath()
    {
        var depth = random.Next(1, 4);
        return string.Join('/', Enumerable.Range(0, depth).Select(_ => s_segments[random.Next(s_segments.Length)]));
    }

    /// <summary>Applies one random edit and says what it did.</summary>
    public string Mutate()
    {
        var entries = Nodes.Walk(root, ".git").Where(entry => entry.Path != ".gitignore").ToList();
        var files = entries.Where(entry => entry.Kind == NodeKind.File).Select(entry => entry.Path).ToList();
        var links = entries.Where(entry => entry.Kind == NodeKind.Symlink).Select(entry => entry.Path).ToList();
        var directories = entries.Where(entry => entry.Kind == NodeKind.Directory).Select(entry => entry.Path).ToList();
        var roll = random.Next(100);
        return roll switch
        {
            < 20 => AddFile(RandomPath()),
            < 38 when files.Count > 0 => Edit(Pick(files)),
            < 48 when files.Count + links.Count > 0 => Delete(Pick([.. files, .. links])),
            < 55 when files.Count + links.Count > 0 => Rename(Pick([.. files, .. links])),
            < 65 when files.Count > 0 => ToggleExec(Pick(files)),
            < 71 => AddLink(RandomPath()),
            < 75 when links.Count > 0 => AddLink(Pick(links)),
            < 78 when files.Count > 0 => AddLink(Pick(files)),
            < 80 when directories.Count > 0 => AddLink(Pick(directories)),
            < 84 when links.Count > 0 => AddFile(Pick(links)),
            < 90 when directories.Count > 0 => AddFile(Pick(directories)),
            < 95 when files.Count + links.Count > 0 => AddFile(Pick([.. files, .. links]) + "/" + s_segments[random.Next(s_segments.Length)]),
            < 97 => AddIgnored(),
            _ => AddFile(RandomPath()),
        };
    }

    private string AddFile(string path)
    {
        Nodes.MakeRoom(root, path);
        File.WriteAllBytes(Full(path), Content(random.Next(0, 3000)));
        if (random.Next(4) == 0)
        {
            SetExec(path, true);
        }

        return $"local add file {Show(path)}";
    }

    private string Edit(string path)
    {
        var old = File.ReadAllBytes(Full(path));
        var sameSize = old.Length > 0 && random.Next(2) == 0;
        var content = sameSize ? Content(old.Length) : Content(random.Next(0, 3000));
        if (sameSize && content.AsSpan().SequenceEqual(old))
        {
            content[0] ^= 1;
        }

        // Rewrite in place (same inode), as editors that truncate do.
        using (var stream = new FileStream(Full(path), FileMode.Truncate, FileAccess.Write))
        {
            stream.Write(content);
        }

        return $"local edit {Show(path)} ({(sameSize ? "same size" : "new size")})";
    }

    private string Delete(string path)
    {
        Nodes.Remove(Full(path));
        return $"local delete {Show(path)}";
    }

    private string Rename(string path)
    {
        var target = RandomPath();
        if (target == path || target.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(target + "/", StringComparison.Ordinal))
        {
            return $"local rename skipped {Show(path)}";
        }

        // File.Move refuses a dangling link, so a link is renamed by recreating it.
        var linkTarget = new FileInfo(Full(path)).LinkTarget;
        var temp = Full(".rename-" + Guid.NewGuid().ToString("N"));
        if (linkTarget is null)
        {
            File.Move(Full(path), temp);
        }
        else
        {
            File.Delete(Full(path));
        }

        Nodes.MakeRoom(root, target);
        if (linkTarget is null)
        {
            File.Move(temp, Full(target));
        }
        else
        {
            File.CreateSymbolicLink(Full(target), linkTarget);
        }

        return $"local rename {Show(path)} -> {Show(target)}";
    }

    private string ToggleExec(string path)
    {
        var executable = (File.GetUnixFileMode(Full(path)) & UnixFileMode.UserExecute) != 0;
        SetExec(path, !executable);
        return $"local chmod {(executable ? "-x" : "+x")} {Show(path)}";
    }

    private string AddLink(string path)
    {
        // A directory may become a link while its files are still in Git's index: the manifest must
        // then ship the link alone, never the files seen through it.
        var target = s_linkTargets[random.Next(s_linkTargets.Length)];
        Nodes.MakeRoom(root, path);
        File.CreateSymbolicLink(Full(path), target);
        return $"local link {Show(path)} -> {Show(target)}";
    }

    private string AddIgnored()
    {
        var path = "build/ignored-" + random.Next(1000) + ".log";
        if (!Nodes.ParentsAreDirectoriesOrAbsent(root, path) || Nodes.Kind(Full(path)) != NodeKind.None)
        {
            return "local ignored skipped";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.WriteAllText(Full(path), "never synced");
        return $"local add ignored {path}";
    }

    private void SetExec(string path, bool executable)
    {
        var mode = File.GetUnixFileMode(Full(path));
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Full(path), executable ? mode | exec : mode & ~exec);
    }

    private byte[] Content(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(random.Next(4) == 0 ? '\n' : 'a' + random.Next(26));
        }

        return bytes;
    }

    private string Pick(List<string> items) => items[random.Next(items.Count)];

    private string Full(string path) => Path.Combine(root, path);

    internal static string Show(string path) => path.Replace("\n", "\\n", StringComparison.Ordinal);
}
