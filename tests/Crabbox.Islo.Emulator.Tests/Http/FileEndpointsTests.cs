using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class FileEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task UploadFile_ThenDownload_RoundTripsBytesAndCreatesParents()
    {
        var name = await Client.CreateSandboxAsync("file");
        var content = Encoding.UTF8.GetBytes("binary\0and text é\n");

        var upload = await Client.UploadAsync(name, "files", "/workspace/deep/er/file.bin", content, "file.bin");
        var (status, body) = await Client.DownloadAsync(name, "files", "/workspace/deep/er/file.bin");
        var inside = await Client.BashAsync(name, "cat /workspace/deep/er/file.bin | wc -c");

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal("ok", upload.String("status"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(content, body);
        Assert.Equal($"{content.Length}\n", inside.Stdout);
    }

    [Fact]
    public async Task Download_MissingFile_Returns404FileNotFound()
    {
        var name = await Client.CreateSandboxAsync("file");

        var response = await Client.GetAsync($"sandboxes/{name}/files?path=/workspace/missing.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("FILE_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task Download_Directory_Returns400()
    {
        var name = await Client.CreateSandboxAsync("file");

        var response = await Client.GetAsync($"sandboxes/{name}/files?path=/workspace");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.String("code"));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/workspace/../etc/passwd")]
    [InlineData("relative.txt")]
    [InlineData("/home/other/x")]
    public async Task Download_PathOutsideSandboxFolders_Returns400(string path)
    {
        var name = await Client.CreateSandboxAsync("file");

        var response = await Client.GetAsync($"sandboxes/{name}/files?path={Uri.EscapeDataString(path)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION_ERROR", response.String("code"));
    }

    [Fact]
    public async Task Download_LinkPointingAtHostFile_IsNotFollowedOnHost()
    {
        var name = await Client.CreateSandboxAsync("file");
        using var outside = new TempDirectory();
        var hostFile = Path.Combine(outside.Path, "host-secret.txt");
        await File.WriteAllTextAsync(hostFile, "host only", TestTimeouts.Token());
        await Client.BashAsync(name, $"ln -s /etc/hostname /workspace/abs-link; ln -s ../../../../../../etc/hostname /workspace/rel-link; ln -s '{hostFile}' /workspace/tmp-link");

        var absolute = await Client.GetAsync($"sandboxes/{name}/files?path=/workspace/abs-link");
        var relative = await Client.GetAsync($"sandboxes/{name}/files?path=/workspace/rel-link");
        var hostTmp = await Client.GetAsync($"sandboxes/{name}/files?path=/workspace/tmp-link");

        Assert.Equal(HttpStatusCode.BadRequest, absolute.Status);
        Assert.Equal(HttpStatusCode.BadRequest, relative.Status);
        // Inside the sandbox /tmp is the sandbox's own tmp, so the host's file is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, hostTmp.Status);
        Assert.DoesNotContain("host only", hostTmp.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_LinkInsideSandbox_IsFollowedWithSandboxMeaning()
    {
        var name = await Client.CreateSandboxAsync("file");
        await Client.BashAsync(name, "echo via-link > /tmp/target.txt; ln -s /tmp/target.txt /workspace/link.txt");

        var (status, body) = await Client.DownloadAsync(name, "files", "/workspace/link.txt");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("via-link\n", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task UploadFile_NotMultipart_Returns400()
    {
        var name = await Client.CreateSandboxAsync("file");

        var response = await Client.PostAsync($"sandboxes/{name}/files?path=/workspace/x", """{"file":"nope"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.String("code"));
    }

    [Fact]
    public async Task UploadArchive_Valid_ExtractsWithModesAndLinksAndRoundTrips()
    {
        var name = await Client.CreateSandboxAsync("arch");
        var archive = new TarBuilder()
            .Directory("./")
            .Directory("bin/")
            .File("bin/run.sh", "#!/bin/sh\necho ran\n", (UnixFileMode)0b111_101_101)
            .File("README.md", "readme\n")
            .Symlink("bin/readme-link", "../README.md")
            .Symlink("abs-link", "/workspace/repo/README.md")
            .HardLink("copy.md", "README.md")
            .Build();

        var upload = await Client.UploadAsync(name, "files-archive", "/workspace/repo", archive);
        var inside = await Client.BashAsync(name, "cd /workspace/repo && ./bin/run.sh && stat -c '%a %n' bin/run.sh README.md && readlink bin/readme-link && cat bin/readme-link abs-link copy.md");
        var (status, downloaded) = await Client.DownloadAsync(name, "files-archive", "/workspace/repo");
        var entries = ReadTar(downloaded);

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal("ok", upload.String("status"));
        Assert.Equal("ran\n755 bin/run.sh\n644 README.md\n../README.md\nreadme\nreadme\nreadme\n", inside.Stdout);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(TarEntryType.SymbolicLink, entries["bin/readme-link"].Type);
        Assert.Equal("../README.md", entries["bin/readme-link"].LinkName);
        Assert.Equal((UnixFileMode)0b111_101_101, entries["bin/run.sh"].Mode & (UnixFileMode)0b111_111_111);
        Assert.Equal("readme\n", entries["README.md"].Content);
        Assert.Contains("bin/", entries.Keys);
    }

    [Fact]
    public async Task UploadArchive_IntoExistingTree_ReplacesFilesAndKeepsOthers()
    {
        var name = await Client.CreateSandboxAsync("arch");
        await Client.BashAsync(name, "mkdir -p /workspace/t/sub && echo old > /workspace/t/sub/a && echo keep > /workspace/t/b");

        var upload = await Client.UploadAsync(name, "files-archive", "/workspace/t", new TarBuilder().File("sub/a", "new\n").File("c", "c\n").Build());
        var inside = await Client.BashAsync(name, "cat /workspace/t/sub/a /workspace/t/b /workspace/t/c");

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal("new\nkeep\nc\n", inside.Stdout);
    }

    public static TheoryData<string, byte[]> HostileArchives => new()
    {
        { ".. component", new TarBuilder().File("ok.txt", "fine").File("../escape.txt", "evil").Build() },
        { ".. component", new TarBuilder().File("ok.txt", "fine").File("a/../../escape.txt", "evil").Build() },
        { "absolute path", new TarBuilder().File("ok.txt", "fine").File("/tmp/escape.txt", "evil").Build() },
        { "resolves outside", new TarBuilder().File("ok.txt", "fine").Symlink("out", "../../..").Build() },
        { "resolves outside", new TarBuilder().File("ok.txt", "fine").Symlink("etc", "/etc").Build() },
        { "through the symbolic link", new TarBuilder().File("ok.txt", "fine").Symlink("dir", "sub").Directory("sub/").File("dir/x", "evil").Build() },
        { "resolves outside", new TarBuilder().File("ok.txt", "fine").Directory("a/b/").Symlink("a/b/up", "../..").Symlink("y", "a/b/up/..").Build() },
        { ".. component", new TarBuilder().File("ok.txt", "fine").HardLink("h", "../../../etc/passwd").Build() },
        { "absolute path", new TarBuilder().File("ok.txt", "fine").HardLink("h", "/etc/hostname").Build() },
        { "does not name an earlier file", new TarBuilder().File("ok.txt", "fine").Symlink("etc", "/etc").HardLink("h", "etc/hostname").Build() },
        { "not a valid tar.gz", Encoding.UTF8.GetBytes("this is not a tarball") },
    };

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task UploadArchive_Hostile_Returns400AndWritesNothing(string reason, byte[] archive)
    {
        var name = await Client.CreateSandboxAsync("evil");
        var sandboxDirectory = Path.Combine(fixture.StateDirectory, "sandboxes", name);

        var upload = await Client.UploadAsync(name, "files-archive", "/workspace/target", archive);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("INVALID_REQUEST", upload.String("code"));
        Assert.Contains(reason, upload.String("message"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sandboxDirectory, "workspace", "target")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandboxDirectory, "workspace")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandboxDirectory, "tmp")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandboxDirectory, "staging")));
        Assert.False(File.Exists(Path.Combine(sandboxDirectory, "escape.txt")));
    }

    /// <summary>The reported escape: link d to a host folder, hard link x to d/host-secret.txt, then replace d by a folder.</summary>
    [Fact]
    public async Task UploadArchive_HardLinkThroughSymlinkReplacedLater_Returns400AndHostFileNotCopied()
    {
        var name = await Client.CreateSandboxAsync("evil");
        var sandboxDirectory = Path.Combine(fixture.StateDirectory, "sandboxes", name);
        using var host = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(host.Path, "host-secret.txt"), "host only", TestTimeouts.Token());
        var archive = new TarBuilder().Symlink("d", host.Path).HardLink("x", "d/host-secret.txt").Directory("d/").Build();

        var upload = await Client.UploadAsync(name, "files-archive", "/workspace", archive);
        var inside = await Client.StreamAsync(name, ["cat", "/workspace/x"]);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("INVALID_REQUEST", upload.String("code"));
        Assert.Contains("hard link x -> d/host-secret.txt", upload.String("message"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandboxDirectory, "workspace")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandboxDirectory, "staging")));
        Assert.DoesNotContain("host only", inside.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A DELETE that lands between extraction and the move must not leave a folder without sandbox.json behind.</summary>
    [Fact]
    public async Task UploadArchive_SandboxDeletedBeforeMove_Returns404AndLeavesNoFolder()
    {
        using var state = new TempDirectory();
        IsloTestClient? client = null;
        var deleted = HttpStatusCode.Continue;
        var faults = new EmulatorFaults
        {
            BeforeArchiveMove = async (sandbox, _) => deleted = (await client!.DeleteAsync($"sandboxes/{sandbox}")).Status,
        };
        await using var host = await IsloEmulatorHost.StartAsync(
            new IsloEmulatorOptions { StateDirectory = state.Path, Isolation = SandboxIsolation.Bubblewrap, Faults = faults }, TestTimeouts.Token());
        client = await IsloTestClient.CreateAsync(host, TestTimeouts.Token());
        using var owned = client;
        var name = await client.CreateSandboxAsync("race");

        var upload = await client.UploadAsync(name, "files-archive", "/workspace/target", new TarBuilder().File("a.txt", "a").Build());
        var recreate = await client.PostAsync("sandboxes", $$"""{"name":"{{name}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, upload.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", upload.String("code"));
        Assert.Equal(HttpStatusCode.Created, recreate.Status);
        Assert.False(File.Exists(Path.Combine(state.Path, "sandboxes", name, "workspace", "target", "a.txt")));
    }

    [Fact]
    public async Task DownloadArchive_MissingDirectory_Returns404()
    {
        var name = await Client.CreateSandboxAsync("arch");

        var response = await Client.GetAsync($"sandboxes/{name}/files-archive?path=/workspace/none");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("FILE_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task Files_UnknownSandbox_Returns404SandboxNotFound()
    {
        var response = await Client.GetAsync("sandboxes/missing-sandbox/files?path=/workspace/x");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", response.String("code"));
    }

    private static Dictionary<string, (TarEntryType Type, string? LinkName, UnixFileMode Mode, string? Content)> ReadTar(byte[] gzipped)
    {
        var entries = new Dictionary<string, (TarEntryType, string?, UnixFileMode, string?)>();
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            string? content = null;
            if (entry.DataStream is { } data)
            {
                using var text = new StreamReader(data);
                content = text.ReadToEnd();
            }

            entries[entry.Name] = (entry.EntryType, string.IsNullOrEmpty(entry.LinkName) ? null : entry.LinkName, entry.Mode, content);
        }

        return entries;
    }
}
