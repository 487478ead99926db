using System.Runtime.Versioning;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>
/// Random changes a command could make to a remote workspace between syncs: edits of synced files
/// (same or other size), mtime-only touches, deletes, chmods, a synced file turned into a directory
/// or into a link leading outside, and new files, directories and escape links the remote creates
/// itself (build outputs, installed dependencies). Remote-created files are tracked in
/// <see cref="Created"/> so the test can check they survive.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class RemoteMutator(string workspace, string outside, LocalMutator names, Random random)
{
    private int _counter;

    /// <summary>Files the remote created (path to content) that no sync has collided with yet.</summary>
    public Dictionary<string, byte[]> Created { get; } = new(StringComparer.Ordinal);

    /// <summary>Applies one random change; <paramref name="synced"/> are the paths of the last sync's manifest.</summary>
    public string Mutate(IReadOnlyList<string> synced)
    {
        var syncedFiles = synced.Where(path => Nodes.Kind(Full(path)) == NodeKind.File).ToList();
        var syncedAny = synced.Where(path => Nodes.Kind(Full(path)) != NodeKind.None).ToList();
        var roll = random.Next(100);
        return roll switch
        {
            < 14 when syncedFiles.Count > 0 => Edit(Pick(syncedFiles), sameSize: true),
            < 24 when syncedFiles.Count > 0 => Edit(Pick(syncedFiles), sameSize: false),
            < 32 when syncedFiles.Count > 0 => Touch(Pick(syncedFiles)),
            < 42 when syncedAny.Count > 0 => Delete(Pick(syncedAny)),
            < 50 when syncedFiles.Count > 0 => ToggleExec(Pick(syncedFiles)),
            < 55 when syncedAny.Count > 0 => ReplaceWithDirectory(Pick(syncedAny)),
            < 60 when syncedAny.Count > 0 => ReplaceWithEscapeLink(Pick(syncedAny)),
            < 75 => CreateFile(names.RandomPath()),
            < 82 => CreateFile($"node_modules/dep-{random.Next(5)}/index-{_counter++}.js"),
            < 88 => CreateFile($"build/out-{_counter++}.o"),
            < 94 => CreateEscapeLink(names.RandomPath()),
            _ => CreateDirectory(names.RandomPath()),
        };
    }

    private string Edit(string path, bool sameSize)
    {
        var old = File.ReadAllBytes(Full(path));
        var content = sameSize && old.Length > 0 ? old.ToArray() : new byte[old.Length + random.Next(1, 50)];
        if (sameSize && old.Length > 0)
        {
            content[random.Next(content.Length)] ^= 0x55;
        }
        else
        {
            random.NextBytes(content);
        }

        using (var stream = new FileStream(Full(path), FileMode.Truncate, FileAccess.Write))
        {
            stream.Write(content);
        }

        return $"remote edit {LocalMutator.Show(path)} ({(sameSize && old.Length > 0 ? "same size" : "new size")})";
    }

    private string Touch(string path)
    {
        File.SetLastWriteTimeUtc(Full(path), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(1_000_000)));
        return $"remote touch {LocalMutator.Show(path)}";
    }

    private string Delete(string path)
    {
        Nodes.Remove(Full(path));
        return $"remote delete {LocalMutator.Show(path)}";
    }

    private string ToggleExec(string path)
    {
        File.SetUnixFileMode(Full(path), File.GetUnixFileMode(Full(path)) ^ UnixFileMode.UserExecute);
        return $"remote chmod {LocalMutator.Show(path)}";
    }

    private string ReplaceWithDirectory(string path)
    {
        Nodes.Remove(Full(path));
        Directory.CreateDirectory(Full(path));
        Track(path + "/generated-" + _counter++);
        return $"remote replace {LocalMutator.Show(path)} with a directory";
    }

    private string ReplaceWithEscapeLink(string path)
    {
        Nodes.Remove(Full(path));
        File.CreateSymbolicLink(Full(path), outside);
        return $"remote replace {LocalMutator.Show(path)} with a link outside";
    }

    private string CreateFile(string path)
    {
        if (!Nodes.ParentsAreDirectoriesOrAbsent(workspace, path) || Nodes.Kind(Full(path)) != NodeKind.None)
        {
            return $"remote create skipped {LocalMutator.Show(path)}";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        Track(path);
        return $"remote create {LocalMutator.Show(path)}";
    }

    private string CreateEscapeLink(string path)
    {
        if (!Nodes.ParentsAreDirectoriesOrAbsent(workspace, path) || Nodes.Kind(Full(path)) != NodeKind.None)
        {
            return $"remote link skipped {LocalMutator.Show(path)}";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.CreateSymbolicLink(Full(path), outside);
        return $"remote escape link {LocalMutator.Show(path)}";
    }

    private string CreateDirectory(string path)
    {
        if (!Nodes.ParentsAreDirectoriesOrAbsent(workspace, path) || Nodes.Kind(Full(path)) != NodeKind.None)
        {
            return $"remote mkdir skipped {LocalMutator.Show(path)}";
        }

        Directory.CreateDirectory(Full(path));
        return $"remote mkdir {LocalMutator.Show(path)}";
    }

    private void Track(string path)
    {
        var content = new byte[random.Next(1, 200)];
        random.NextBytes(content);
        File.WriteAllBytes(Full(path), content);
        Created[path] = content;
    }

    private string Pick(List<string> items) => items[random.Next(items.Count)];

    private string Full(string path) => Path.Combine(workspace, path);
}
