using System.Runtime.Versioning;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>
/// The rule every sync must leave behind: each manifest entry exists remotely with identical bytes,
/// exec bit and link target; no path crabbox synced before and that left the manifest remains
/// (unless it is now a directory holding manifest entries); nothing was written outside the
/// workspace; and every remote-created file survives unless it collided with a synced path.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SyncRule
{
    public static void AssertHolds(DeltaSyncHarness harness, SyncPass pass, RemoteMutator? remote, string context)
    {
        var manifestPaths = pass.Manifest.Files.Select(entry => entry.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in pass.Manifest.Files)
        {
            var local = harness.Repo.FullPath(entry.Path);
            var remotePath = harness.RemotePath(entry.Path);
            var where = $"{context}: {LocalMutator.Show(entry.Path)}";
            Assert.True(Nodes.ParentsAreDirectoriesOrAbsent(harness.Repo.Root, entry.Path), $"{where} is listed through a link or file in its parents");
            if (entry.Kind == ManifestEntryKind.Symlink)
            {
                Assert.True(Nodes.KindAt(harness.Workspace, entry.Path) == NodeKind.Symlink, $"{where} should be a link, is {Nodes.KindAt(harness.Workspace, entry.Path)}");
                Assert.True(entry.LinkTarget == new FileInfo(remotePath).LinkTarget, $"{where} link target differs");
                continue;
            }

            Assert.True(Nodes.KindAt(harness.Workspace, entry.Path) == NodeKind.File, $"{where} should be a file, is {Nodes.KindAt(harness.Workspace, entry.Path)}");
            Assert.True(File.ReadAllBytes(local).AsSpan().SequenceEqual(File.ReadAllBytes(remotePath)), $"{where} content differs");
            Assert.True(IsExecutable(local) == IsExecutable(remotePath), $"{where} exec bit differs");
        }

        foreach (var gone in (pass.Previous?.Entries ?? []).Select(entry => entry.Path).Where(path => !manifestPaths.Contains(path)))
        {
            var kind = Nodes.KindAt(harness.Workspace, gone);
            var holdsManifestEntries = manifestPaths.Any(path => path.StartsWith(gone + "/", StringComparison.Ordinal));
            Assert.True(
                kind == NodeKind.None || (kind == NodeKind.Directory && holdsManifestEntries),
                $"{context}: {LocalMutator.Show(gone)} was synced, left the manifest, and is still there as {kind}");
        }

        Assert.True(
            Directory.GetFileSystemEntries(harness.Outside).Select(Path.GetFileName).SequenceEqual(["sentinel"]),
            $"{context}: something was written outside the workspace");

        if (remote is null)
        {
            return;
        }

        if (pass.Plan.FullResync)
        {
            remote.Created.Clear();
            return;
        }

        foreach (var (path, content) in remote.Created.ToList())
        {
            if (Collides(path, manifestPaths, pass.Plan.Delete))
            {
                remote.Created.Remove(path);
                continue;
            }

            var remotePath = harness.RemotePath(path);
            Assert.True(Nodes.KindAt(harness.Workspace, path) == NodeKind.File, $"{context}: remote-created {LocalMutator.Show(path)} is gone");
            Assert.True(File.ReadAllBytes(remotePath).AsSpan().SequenceEqual(content), $"{context}: remote-created {LocalMutator.Show(path)} changed");
        }
    }

    private static bool Collides(string path, HashSet<string> manifestPaths, IReadOnlyList<string> deleted)
    {
        if (manifestPaths.Contains(path) || manifestPaths.Any(synced => synced.StartsWith(path + "/", StringComparison.Ordinal)))
        {
            return true;
        }

        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (manifestPaths.Contains(path[..slash]))
            {
                return true;
            }
        }

        return deleted.Any(gone => path == gone || path.StartsWith(gone + "/", StringComparison.Ordinal));
    }

    private static bool IsExecutable(string path) => (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
