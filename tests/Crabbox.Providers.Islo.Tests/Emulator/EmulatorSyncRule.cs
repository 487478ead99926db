using System.Runtime.Versioning;
using Crabbox.Core.Repo;
using Crabbox.Core.Tests.Sync.Delta;

namespace Crabbox.Providers.Islo.Tests.Emulator;

/// <summary>
/// The rule every sync must leave in a sandbox's workspace folder: each entry of the local sync set
/// exists there with identical bytes, exec bit and link target; no path of the previous sync set
/// that left the set remains (unless it is now a directory holding entries); nothing was written
/// outside; and every file the remote created itself survives unless it collided with a synced path
/// or a wiping full sync ran.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class EmulatorSyncRule
{
    public static void AssertHolds(
        string localRoot, string remoteRoot, string outside, SyncManifest manifest, IReadOnlyCollection<string> previous, RemoteMutator remote, bool wiped, string context)
    {
        var paths = manifest.Files.Select(entry => entry.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            var local = Path.Combine(localRoot, entry.Path);
            var remotePath = Path.Combine(remoteRoot, entry.Path);
            var where = $"{context}: {LocalMutator.Show(entry.Path)}";
            var kind = Nodes.KindAt(remoteRoot, entry.Path);
            if (entry.Kind == ManifestEntryKind.Symlink)
            {
                Assert.True(kind == NodeKind.Symlink, $"{where} should be a link, is {kind}");
                Assert.True(entry.LinkTarget == new FileInfo(remotePath).LinkTarget, $"{where} link target differs");
                continue;
            }

            Assert.True(kind == NodeKind.File, $"{where} should be a file, is {kind}");
            Assert.True(File.ReadAllBytes(local).AsSpan().SequenceEqual(File.ReadAllBytes(remotePath)), $"{where} content differs");
            Assert.True(IsExecutable(local) == IsExecutable(remotePath), $"{where} exec bit differs");
        }

        var gone = previous.Where(path => !paths.Contains(path)).ToList();
        foreach (var path in gone)
        {
            var kind = Nodes.KindAt(remoteRoot, path);
            var holdsEntries = paths.Any(entry => entry.StartsWith(path + "/", StringComparison.Ordinal));
            Assert.True(
                kind == NodeKind.None || (kind == NodeKind.Directory && holdsEntries),
                $"{context}: {LocalMutator.Show(path)} was synced, left the sync set, and is still there as {kind}");
        }

        Assert.True(
            Directory.GetFileSystemEntries(outside).Select(Path.GetFileName).SequenceEqual(["sentinel"]),
            $"{context}: something was written outside the workspace");
        if (wiped)
        {
            remote.Created.Clear();
            return;
        }

        foreach (var (path, content) in remote.Created.ToList())
        {
            if (Collides(path, paths, gone))
            {
                remote.Created.Remove(path);
                continue;
            }

            var remotePath = Path.Combine(remoteRoot, path);
            Assert.True(Nodes.KindAt(remoteRoot, path) == NodeKind.File, $"{context}: remote-created {LocalMutator.Show(path)} is gone");
            Assert.True(File.ReadAllBytes(remotePath).AsSpan().SequenceEqual(content), $"{context}: remote-created {LocalMutator.Show(path)} changed");
        }
    }

    // A remote-created file may go when a synced path now stands at it, above it or below it, or
    // when it lies below a path crabbox removed.
    private static bool Collides(string path, HashSet<string> paths, List<string> gone)
    {
        if (paths.Contains(path) || paths.Any(synced => synced.StartsWith(path + "/", StringComparison.Ordinal)))
        {
            return true;
        }

        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (paths.Contains(path[..slash]))
            {
                return true;
            }
        }

        return gone.Any(removed => path == removed || path.StartsWith(removed + "/", StringComparison.Ordinal));
    }

    private static bool IsExecutable(string path) => (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
