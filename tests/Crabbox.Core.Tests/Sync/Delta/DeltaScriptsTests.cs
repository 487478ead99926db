using System.Runtime.Versioning;
using System.Text;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

[UnsupportedOSPlatform("windows")]
public sealed class DeltaScriptsTests : IDisposable
{
    private static readonly string[] s_oddNames =
    [
        "with space.txt", "ünïcødé ✓.txt", "quote\"s'.txt", "-leading-dash", "new\nline.txt", "$(touch pwned)", "glob*",
    ];

    private readonly TempDirectory _remote = new("crabbox-remote");

    public DeltaScriptsTests()
    {
        Directory.CreateDirectory(Workspace);
    }

    private string Workspace => _remote.Combine("w s'pace");

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task Prepare_OddNames_DeletesAndClearsExactlyThosePaths()
    {
        foreach (var name in s_oddNames)
        {
            Write("del/" + name);
            Write("keep/" + name);
        }

        Write("blocker/inside/file");
        Write("glob-other");
        var plan = Plan(delete: [.. s_oddNames.Select(name => "del/" + name)], clear: ["blocker"]);

        await RunAllAsync(DeltaScripts.Prepare(Workspace, plan));

        Assert.Equal(
            s_oddNames.Select(name => "keep/" + name).Append("glob-other").Order(StringComparer.Ordinal),
            Tree().Where(path => !Directory.Exists(Full(path))).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(Workspace, "pwned")));
    }

    [Fact]
    public async Task Prepare_DeletesDirectoriesAndLinksWithoutFollowingThem()
    {
        using var outside = new TempDirectory("crabbox-outside");
        File.WriteAllText(outside.Combine("precious"), "x");
        Write("dir/a/b");
        File.CreateSymbolicLink(Full("link"), outside.Path);
        var plan = Plan(delete: ["dir", "link"]);

        await RunAllAsync(DeltaScripts.Prepare(Workspace, plan));

        Assert.Empty(Tree());
        Assert.True(File.Exists(outside.Combine("precious")));
    }

    [Fact]
    public async Task Prepare_PathBelowLinkOrFile_LeftAlone()
    {
        using var outside = new TempDirectory("crabbox-outside");
        File.WriteAllText(outside.Combine("victim"), "x");
        File.CreateSymbolicLink(Full("escape"), outside.Path);
        Write("plain");
        var plan = Plan(delete: ["escape/victim", "plain/child"]);

        await RunAllAsync(DeltaScripts.Prepare(Workspace, plan));

        Assert.True(File.Exists(outside.Combine("victim")));
        Assert.True(File.Exists(Full("plain")));
    }

    [Fact]
    public async Task Prepare_RemoveEmptyDirectories_KeepsTheOnesTheRemoteStillUses()
    {
        Directory.CreateDirectory(Full("gone/deeper"));
        Write("used/remote-output.o");
        var plan = Plan(delete: ["gone/deeper/f", "used/f"], removeEmpty: ["gone/deeper", "gone", "used"]);

        await RunAllAsync(DeltaScripts.Prepare(Workspace, plan));

        Assert.Equal(["used", "used/remote-output.o"], Tree());
    }

    [Fact]
    public async Task Prepare_ManyLongPaths_ChunkedUnderTheLimitAndAllRemoved()
    {
        var paths = Enumerable.Range(0, 1200).Select(i => $"some/rather/long/directory/name/for/chunking/file-{i:D5}-{new string('x', 160)}.txt").ToList();
        foreach (var path in paths)
        {
            Write(path);
        }

        Write("some/keep.txt");
        var scripts = DeltaScripts.Prepare(Workspace, Plan(delete: paths));

        await RunAllAsync(scripts);

        Assert.True(scripts.Count > 1);
        Assert.All(scripts, script => Assert.True(Encoding.UTF8.GetByteCount(script) <= DeltaScripts.MaxScriptBytes));
        Assert.Equal(["some", "some/keep.txt", "some/rather", "some/rather/long"], Tree().Take(4));
        Assert.DoesNotContain(Tree(), path => path.EndsWith(".txt", StringComparison.Ordinal) && path != "some/keep.txt");
    }

    [Fact]
    public async Task Prepare_WorkspaceGone_ExitsNonZero()
    {
        var scripts = DeltaScripts.Prepare(_remote.Combine("missing"), Plan(delete: ["a"]));

        var result = await Bash.RunAsync(scripts.Single(), _remote.Path);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Prepare_NothingToRemove_NoScripts()
    {
        var scripts = DeltaScripts.Prepare(Workspace, Plan());

        Assert.Empty(scripts);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("")]
    public void Prepare_UnsafePath_ThrowsSyncError(string path)
    {
        var error = Assert.Throws<CrabboxException>(() => DeltaScripts.Prepare(Workspace, Plan(delete: [path])));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
    }

    [Fact]
    public async Task Wipe_ReferenceCommand_EmptiesAndRecreatesTheWorkspace()
    {
        Write("a/b");

        var script = DeltaScripts.Wipe(Workspace);
        await RunAllAsync([script]);

        Assert.Equal("rm -rf '" + Workspace.Replace("'", "'\\''", StringComparison.Ordinal) + "' && mkdir -p '" + Workspace.Replace("'", "'\\''", StringComparison.Ordinal) + "'", script);
        Assert.True(Directory.Exists(Workspace));
        Assert.Empty(Tree());
    }

    /// <summary>Pins GNU tar's default extraction over an existing tree, which the delta relies on.</summary>
    [Fact]
    public async Task ExtractArchive_GnuTarOverExistingTree_ReplacesFilesLinksAndModes()
    {
        using var local = new TempDirectory("crabbox-local");
        Directory.CreateDirectory(local.Combine("d"));
        File.WriteAllText(local.Combine("was-link"), "now a file");
        File.CreateSymbolicLink(local.Combine("was-file"), "d/target");
        File.WriteAllText(local.Combine("d/exec"), "#!/bin/sh\n");
        File.SetUnixFileMode(local.Combine("d/exec"), (UnixFileMode)ManifestEntry.ExecutableMode);
        File.WriteAllText(local.Combine("d/plain"), "new plain content");
        using var outside = new TempDirectory("crabbox-outside");
        File.CreateSymbolicLink(Full("was-link"), outside.Combine("target"));
        Write("was-file");
        Write("d/exec");
        Write("d/plain");
        File.SetUnixFileMode(Full("d/plain"), (UnixFileMode)ManifestEntry.ExecutableMode);
        Write("d/untouched");
        var entries = new[] { "d/exec", "d/plain", "was-file", "was-link" }
            .Select(path => FileProbe.Probe(local.Combine(path), path)!)
            .ToList();
        var archive = _remote.Combine("delta.tgz");
        await using (var stream = File.Create(archive))
        {
            await new TarGzSyncArchiveWriter().WriteAsync(local.Path, entries, stream, SyncArchiveOptions.Default, TestContext.Current.CancellationToken);
        }

        await RunAllAsync([DeltaScripts.ExtractArchive(archive, Workspace)]);

        Assert.Equal("now a file", File.ReadAllText(Full("was-link")));
        Assert.Null(new FileInfo(Full("was-link")).LinkTarget);
        Assert.False(File.Exists(outside.Combine("target")));
        Assert.Equal("d/target", new FileInfo(Full("was-file")).LinkTarget);
        Assert.Equal("new plain content", File.ReadAllText(Full("d/plain")));
        Assert.Equal(0, (int)File.GetUnixFileMode(Full("d/plain")) & 0b001_001_001);
        Assert.NotEqual(0, (int)File.GetUnixFileMode(Full("d/exec")) & 0b001_000_000);
        Assert.True(File.Exists(Full("d/untouched")));
    }

    [Fact]
    public void ExtractArchive_QuotesBothPaths()
    {
        var command = DeltaScripts.ExtractArchive("/tmp/crabbox-1.tgz", "/workspace/it's");

        Assert.Equal("tar -xzf '/tmp/crabbox-1.tgz' -C '/workspace/it'\\''s'", command);
    }

    private static DeltaPlan Plan(List<string>? delete = null, List<string>? clear = null, List<string>? removeEmpty = null) => new()
    {
        FullResync = false,
        Upload = [],
        Delete = delete ?? [],
        Clear = clear ?? [],
        RemoveEmptyDirectories = removeEmpty ?? [],
        Stats = new DeltaStats(0, 0, 0, 0, delete?.Count ?? 0, clear?.Count ?? 0, 0),
    };

    private async Task RunAllAsync(IEnumerable<string> scripts)
    {
        foreach (var script in scripts)
        {
            await Bash.RunCheckedAsync(script, _remote.Path);
        }
    }

    private string Full(string relativePath) => Path.Combine(Workspace, relativePath);

    private void Write(string relativePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(relativePath))!);
        File.WriteAllText(Full(relativePath), "remote " + relativePath);
    }

    private List<string> Tree() =>
        [.. Directory.EnumerateFileSystemEntries(Workspace, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => Path.GetRelativePath(Workspace, path))
            .Order(StringComparer.Ordinal)];
}
