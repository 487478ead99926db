using System.Globalization;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

[UnsupportedOSPlatform("windows")]
public sealed class RemoteListingTests : IDisposable
{
    private static readonly string[] s_oddNames =
    [
        "with space.txt", "ünïcødé ✓.txt", "quote\"s'.txt", "-leading-dash", "new\nline.txt", "tab\tname", "back\\slash", "$(echo no)",
    ];

    private readonly TempDirectory _remote = new("crabbox-remote");

    private string Workspace => _remote.Combine("ws");

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task Script_OddNamesRunForReal_ParserSeesEveryEntryAsLstatDoes()
    {
        Directory.CreateDirectory(Workspace);
        foreach (var name in s_oddNames)
        {
            Write("odd/" + name, "content of " + name);
        }

        Write("bin/tool", "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(Workspace, "bin/tool"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(Workspace, "link to odd"), "odd/with space.txt");
        File.CreateSymbolicLink(Path.Combine(Workspace, "dangling"), "../nowhere/-x y");
        Directory.CreateDirectory(Path.Combine(Workspace, "empty dir"));
        await TestProcess.RunCheckedAsync("mkfifo", ["fifo"], Workspace);

        var snapshot = await ListAsync([]);

        Assert.Equal(RemoteSnapshotStatus.Listed, snapshot.Status);
        var expected = Directory.EnumerateFileSystemEntries(Workspace, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => Path.GetRelativePath(Workspace, path))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, snapshot.Entries.Select(entry => entry.Path).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Entries, AssertMatchesLstat);
        Assert.Equal(RemoteEntryKind.Other, Entry(snapshot, "fifo").Kind);
        Assert.Equal(RemoteEntryKind.Directory, Entry(snapshot, "empty dir").Kind);
        Assert.Equal("../nowhere/-x y", Entry(snapshot, "dangling").LinkTarget);
        Assert.Equal(0b111_101_101, Entry(snapshot, "bin/tool").Mode);
    }

    [Fact]
    public async Task UploadScript_RunForReal_ListsSentPathsAndParentsOnly()
    {
        Write("a b/c/d.txt", "sent");
        Write("a b/c/other.txt", "not sent");
        Write("-x", "sent too");
        File.CreateSymbolicLink(Path.Combine(Workspace, "link"), "a b");
        var plan = Plan(DeltaTestData.File("a b/c/d.txt"), DeltaTestData.File("-x"), DeltaTestData.File("gone.txt"), DeltaTestData.File("link/c/d.txt"));

        var script = RemoteListing.UploadScript(Workspace, plan)!;
        var snapshot = RemoteListing.ParsePaths(await Bash.RunCheckedAsync(script, _remote.Path));

        Assert.Equal(["-x", "a b", "a b/c", "a b/c/d.txt", "link", "link/c", "link/c/d.txt"], snapshot.Entries.Select(entry => entry.Path).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Entries.Where(entry => !entry.Path.StartsWith("link/", StringComparison.Ordinal)), AssertMatchesLstat);
        Assert.Equal(RemoteEntryKind.Symlink, Entry(snapshot, "link").Kind);
    }

    [Fact]
    public void UploadScript_TooManyPaths_Null()
    {
        var plan = Plan([.. Enumerable.Range(0, 5000).Select(i => DeltaTestData.File($"dir/a-rather-long-file-name-{i:D5}.txt"))]);

        Assert.Null(RemoteListing.UploadScript("/workspace/crabbox", plan));
    }

    [Fact]
    public void AfterUpload_SentPaths_ReplacedOrDroppedOthersKept()
    {
        var before = DeltaTestData.Listing([DeltaTestData.RemoteFile("kept.txt", 1), DeltaTestData.RemoteFile("dir/sent.txt", 2), DeltaTestData.RemoteFile("lost.txt", 3)]);
        var plan = Plan(DeltaTestData.File("dir/sent.txt"), DeltaTestData.File("lost.txt"), DeltaTestData.File("via/link.txt"));
        var uploaded = new RemoteSnapshot
        {
            Status = RemoteSnapshotStatus.Listed,
            Entries =
            [
                DeltaTestData.RemoteDirectory("dir"),
                DeltaTestData.RemoteFile("dir/sent.txt", 20),
                new RemoteEntry("via", RemoteEntryKind.Symlink, 0b111_111_111, 3, 1, "dir"),
                DeltaTestData.RemoteFile("via/link.txt", 7),
            ],
        };

        var after = RemoteListing.AfterUpload(before, plan, uploaded);

        var sizes = after.Entries.Where(entry => entry.Kind == RemoteEntryKind.File).ToDictionary(entry => entry.Path, entry => entry.Size);
        Assert.Equal(1, sizes["kept.txt"]);
        Assert.Equal(20, sizes["dir/sent.txt"]);
        Assert.False(sizes.ContainsKey("lost.txt"));
        Assert.False(sizes.ContainsKey("via/link.txt"));
    }

    [Fact]
    public async Task Script_PrunedName_ListsTheDirectoryButNotItsContent()
    {
        Write("node_modules/pkg/index.js", "x");
        Write("src/node_modules/deep/file.js", "x");
        Write("src/app.js", "x");
        Write("node_modules.txt", "a file, never pruned");

        var snapshot = await ListAsync(["node_modules", ".git"]);

        Assert.Equal(
            ["node_modules", "node_modules.txt", "src", "src/app.js", "src/node_modules"],
            snapshot.Entries.Select(entry => entry.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Script_MissingWorkspace_ReportsMissing()
    {
        var snapshot = await ListAsync([]);

        Assert.Same(RemoteSnapshot.Missing, snapshot);
    }

    [Fact]
    public async Task Script_EmptyWorkspace_ListsNothing()
    {
        Directory.CreateDirectory(Workspace);

        var snapshot = await ListAsync([]);

        Assert.Equal(RemoteSnapshotStatus.Listed, snapshot.Status);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task Script_NoGzipOnRemote_FallsBackToRawBase64()
    {
        Write("a.txt", "hello");
        var bin = ToolDirectory("find", "base64", "cat");

        var output = await RunScriptAsync([], new Dictionary<string, string> { ["PATH"] = bin });
        var snapshot = RemoteListing.Parse(output);

        Assert.Contains(RemoteListing.Header + " listed raw", output, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], snapshot.Entries.Select(entry => entry.Path));
    }

    [Fact]
    public async Task Script_FindWithoutPrintf_ReportsUnsupported()
    {
        Write("a.txt", "hello");
        var bin = ToolDirectory("base64", "cat", "gzip");
        var fakeFind = Path.Combine(bin, "find");
        await File.WriteAllTextAsync(fakeFind, "#!/bin/sh\necho 'find: unknown predicate' >&2\nexit 1\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(fakeFind, (UnixFileMode)0b111_101_101);

        var output = await RunScriptAsync([], new Dictionary<string, string> { ["PATH"] = bin });

        Assert.Same(RemoteSnapshot.Unsupported, RemoteListing.Parse(output));
    }

    [Fact]
    public void Script_QuotesWorkspaceAndPruneNames()
    {
        var script = RemoteListing.Script("/workspace/it's here", ["a'b"]);

        Assert.Contains("crabbox_ws='/workspace/it'\\''s here'", script, StringComparison.Ordinal);
        Assert.Contains("-name 'a'\\''b'", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_RelativeWorkspace_Throws()
    {
        Assert.Throws<ArgumentException>(() => RemoteListing.Script("workspace", []));
    }

    [Fact]
    public void Parse_LoginShellNoiseAroundListing_Ignored()
    {
        var records = Encoding.UTF8.GetBytes("f\0644\05\01700000000.5000000000\0a b\0\0");
        var output = $"Welcome!\r\n{RemoteListing.Header} listed raw\r\n{Convert.ToBase64String(records)}\r\n{RemoteListing.EndMarker}\r\nbye\n";

        var snapshot = RemoteListing.Parse(output);

        Assert.Equal([new RemoteEntry("a b", RemoteEntryKind.File, 0b110_100_100, 5, 1_700_000_000_500_000_000, null)], snapshot.Entries);
    }

    [Fact]
    public void Parse_GzipBase64WrappedLikeCoreutils_ReadsEveryRecord()
    {
        var raw = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            raw.Append(CultureInfo.InvariantCulture, $"f\0755\0{i}\01700000000.25\0dir/file-{i}.txt\0\0");
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(raw.ToString()));
        }

        var base64 = Convert.ToBase64String(compressed.ToArray());
        var wrapped = string.Join('\n', Enumerable.Range(0, (base64.Length + 75) / 76).Select(line => base64.Substring(line * 76, Math.Min(76, base64.Length - (line * 76)))));
        var output = $"{RemoteListing.Header} listed gzip\n{wrapped}\n{RemoteListing.EndMarker}\n";

        var snapshot = RemoteListing.Parse(output);

        Assert.Equal(500, snapshot.Entries.Count);
        Assert.Equal(new RemoteEntry("dir/file-499.txt", RemoteEntryKind.File, 0b111_101_101, 499, 1_700_000_000_250_000_000, null), snapshot.Entries[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just noise\n")]
    [InlineData("crabbox-listing-v1 listed gzip\nAAAA\n")]
    [InlineData("crabbox-listing-v1 listed raw\n!!!notbase64\ncrabbox-listing-end\n")]
    [InlineData("crabbox-listing-v1 listed gzip\naGVsbG8=\ncrabbox-listing-end\n")]
    [InlineData("crabbox-listing-v1 listed raw\nZgA2NDQANQA=\ncrabbox-listing-end\n")]
    [InlineData("crabbox-listing-v1 sideways\n")]
    public void Parse_NotAListing_ThrowsFormatException(string output)
    {
        Assert.Throws<FormatException>(() => RemoteListing.Parse(output));
    }

    [Theory]
    [InlineData("1700000000.1234567890", 1_700_000_000_123_456_789L)]
    [InlineData("1700000000", 1_700_000_000_000_000_000L)]
    [InlineData("12.5", 12_500_000_000L)]
    [InlineData("-1.5", -1_500_000_000L)]
    [InlineData("0.000000001", 1L)]
    public void ParseSeconds_FindTimestamps_Nanoseconds(string text, long expected)
    {
        var nanoseconds = RemoteListingRecords.ParseSeconds(Encoding.ASCII.GetBytes(text));

        Assert.Equal(expected, nanoseconds);
    }

    [Fact]
    public void PruneNames_LiteralExcludes_MinusNamesAnySyncedPathUses()
    {
        var manifest = DeltaTestData.Manifest(DeltaTestData.File("dist/app.js"), DeltaTestData.File("src/a.cs")) with
        {
            Rules = [.. BuiltInExcludes.Patterns.Select(pattern => new ExcludeRule(pattern, ExcludeRuleOrigin.BuiltIn)),
                new ExcludeRule("gen", ExcludeRuleOrigin.Config), new ExcludeRule("!keep", ExcludeRuleOrigin.Config),
                new ExcludeRule("/anchored", ExcludeRuleOrigin.Config), new ExcludeRule("tmp*", ExcludeRuleOrigin.Config)],
        };
        var previous = new SyncRecord
        {
            Workspace = DeltaTestData.Workspace,
            Entries = [new SyncRecordEntry("pkg/target/old.bin", ManifestEntryKind.File, ManifestEntry.RegularMode, 1, null, null, null)],
        };

        var names = RemoteListing.PruneNames(manifest, previous);

        Assert.Contains("node_modules", names);
        Assert.Contains(".git", names);
        Assert.Contains(".venv", names);
        Assert.Contains("gen", names);
        Assert.DoesNotContain("dist", names);
        Assert.DoesNotContain("target", names);
        Assert.DoesNotContain("keep", names);
        Assert.DoesNotContain("anchored", names);
        Assert.DoesNotContain(names, name => name.Contains('*', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    private static RemoteEntry Entry(RemoteSnapshot snapshot, string path) => snapshot.Entries.Single(entry => entry.Path == path);

    private void AssertMatchesLstat(RemoteEntry entry)
    {
        var fullPath = Path.Combine(Workspace, entry.Path);
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is { } target)
        {
            Assert.Equal((RemoteEntryKind.Symlink, target), (entry.Kind, entry.LinkTarget));
        }
        else
        {
            Assert.Null(entry.LinkTarget);
            Assert.Equal((info.Attributes & FileAttributes.Directory) != 0, entry.Kind == RemoteEntryKind.Directory);
            Assert.Equal((int)File.GetUnixFileMode(fullPath), entry.Mode);
            if (entry.Kind == RemoteEntryKind.File)
            {
                Assert.Equal(info.Length, entry.Size);
            }
        }

        // .NET keeps 100 ns ticks; find prints nanoseconds.
        var ticks = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks;
        Assert.Equal(ticks, entry.MtimeNanoseconds / 100);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    // A PATH holding only the named tools, to play a remote that lacks the others.
    private string ToolDirectory(params string[] tools)
    {
        var bin = _remote.Combine("bin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bin);
        foreach (var tool in tools)
        {
            var source = new[] { "/usr/bin", "/bin" }.Select(directory => Path.Combine(directory, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(bin, tool), source);
        }

        return bin;
    }

    private async Task<RemoteSnapshot> ListAsync(IReadOnlyList<string> pruneNames) =>
        RemoteListing.Parse(await RunScriptAsync(pruneNames));

    private async Task<string> RunScriptAsync(IReadOnlyList<string> pruneNames, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await Bash.RunAsync(RemoteListing.Script(Workspace, pruneNames), _remote.Path, environment);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }

    private static DeltaPlan Plan(params ManifestEntry[] upload) => new()
    {
        FullResync = false,
        Upload = upload,
        Delete = [],
        Clear = [],
        RemoveEmptyDirectories = [],
        Stats = new DeltaStats(0, upload.Length, 0, 0, 0, 0, 0),
    };
}
