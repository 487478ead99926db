using System.Text;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Artifacts;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Artifacts;

public sealed class IsloArtifactFetcherTests
{
    private const string Sandbox = "crabbox-repo-abcdef";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_File_DecodesBase64WithLineBreaks()
    {
        using var harness = new BackendHarness();
        var content = Encoding.UTF8.GetBytes(new string('x', 200));
        harness.Client.OnExec = (_, _, stdout, _, _) => WriteAsync(stdout, Wrapped(Convert.ToBase64String(content)), 0);

        var bytes = await new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "reports/out.json", Token).WithTimeout();

        Assert.Equal(content, bytes);
        var request = Assert.Single(harness.Client.Execs);
        Assert.Equal(["timeout", "--kill-after=1s", "15s", "bash", "--noprofile", "--norc", "-c"], request.Command.Take(7));
        Assert.Null(request.User);
        Assert.Null(request.Workdir);
    }

    [Fact]
    public void Script_ChecksContainmentAndReadsOneByteTooMany()
    {
        var script = IsloArtifactFetcher.Script("/workspace/repo", "reports/out.json");

        Assert.Equal(
            string.Join(
                '\n',
                "set -euo pipefail",
                "cd '/workspace/repo'",
                "remote='reports/out.json'",
                "workspace_real=$(realpath -e -- '/workspace/repo')",
                "resolved=$(realpath -e -- \"$remote\")",
                "expected=\"$workspace_real/$remote\"",
                "test \"$resolved\" = \"$expected\"",
                "test -f \"$resolved\"",
                "exec 3< \"$resolved\"",
                "opened=$(readlink -f -- /proc/$$/fd/3)",
                "test \"$opened\" = \"$resolved\"",
                "test -f /proc/$$/fd/3",
                "head -c 65537 <&3 | base64"),
            script);
    }

    [Fact]
    public async Task Script_RealBash_RejectsSymlinkEscapeAndReadsFile()
    {
        using var directory = new TempDirectory();
        var workspace = directory.Combine("ws");
        Directory.CreateDirectory(Path.Combine(workspace, "out"));
        await File.WriteAllTextAsync(Path.Combine(workspace, "out", "a.txt"), "artifact", Token);
        await File.WriteAllTextAsync(directory.Combine("secret.txt"), "outside", Token);
        File.CreateSymbolicLink(Path.Combine(workspace, "out", "link.txt"), directory.Combine("secret.txt"));

        var ok = await TestProcess.RunAsync("bash", ["--noprofile", "--norc", "-c", IsloArtifactFetcher.Script(workspace, "out/a.txt")], directory.Path).WithTimeout();
        var escaped = await TestProcess.RunAsync("bash", ["--noprofile", "--norc", "-c", IsloArtifactFetcher.Script(workspace, "out/link.txt")], directory.Path).WithTimeout();

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("artifact", Encoding.UTF8.GetString(Convert.FromBase64String(ok.Output.Trim())));
        Assert.NotEqual(0, escaped.ExitCode);
        Assert.Equal("", escaped.Output);
    }

    [Fact]
    public async Task FetchAsync_OneByteOverLimit_TooLarge()
    {
        using var harness = new BackendHarness();
        var content = new byte[IsloArtifactFetcher.MaxBytes + 1];
        harness.Client.OnExec = (_, _, stdout, _, _) => WriteAsync(stdout, Wrapped(Convert.ToBase64String(content)), 0);

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "big.bin", Token)).WithTimeout();

        Assert.True(error.TooLarge);
        Assert.Equal("islo retrieve artifact big.bin exceeds 65536 bytes", error.Message);
    }

    [Fact]
    public async Task FetchAsync_ExactlyLimit_Accepted()
    {
        using var harness = new BackendHarness();
        var content = new byte[IsloArtifactFetcher.MaxBytes];
        harness.Client.OnExec = (_, _, stdout, _, _) => WriteAsync(stdout, Wrapped(Convert.ToBase64String(content)), 0);

        var bytes = await new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "max.bin", Token).WithTimeout();

        Assert.Equal(IsloArtifactFetcher.MaxBytes, bytes.Length);
    }

    [Fact]
    public async Task FetchAsync_EndlessOutput_StopsAtEncodedBound()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, stdout, _, _) => WriteAsync(stdout, new string('A', IsloArtifactFetcher.MaxEncodedBytes + 1), 0);

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "x", Token)).WithTimeout();

        Assert.Equal("islo retrieve artifact x exceeds encoded output bound", error.Message);
    }

    [Theory]
    [InlineData(1, "islo retrieve artifact missing.txt exited 1")]
    [InlineData(124, "islo retrieve artifact missing.txt exited 124")]
    public async Task FetchAsync_NonZeroExit_NamesPathAndCode(int exitCode, string message)
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, _, stderr, _) => WriteAsync(stderr, "realpath: missing.txt: No such file\n", exitCode);

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "missing.txt", Token)).WithTimeout();

        Assert.Equal(message, error.Message);
        Assert.Equal("realpath: missing.txt: No such file\n", harness.Error);
    }

    [Fact]
    public async Task FetchAsync_StreamError_Wrapped()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, _, _, _) => throw new IsloStreamException("islo exec stream ended without exit event");

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "a", Token)).WithTimeout();

        Assert.Equal("islo retrieve artifact a: islo exec stream ended without exit event", error.Message);
    }

    [Fact]
    public async Task FetchAsync_InvalidBase64_DecodeError()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, _, stdout, _, _) => WriteAsync(stdout, "not*base64", 0);

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime()).FetchAsync(Sandbox, "/workspace/repo", "a", Token)).WithTimeout();

        Assert.StartsWith("islo retrieve artifact a: decode base64: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A read that never ends is cut off by the read timeout, not the caller's token.</summary>
    [Fact]
    public async Task FetchAsync_ReadHangs_BoundedByReadTimeout()
    {
        using var harness = new BackendHarness { Time = TimeProvider.System };
        harness.Client.OnExec = async (_, _, _, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        };
        var timeouts = new IsloTimeouts { ArtifactRead = TimeSpan.FromMilliseconds(100) };

        var error = await Assert.ThrowsAsync<IsloArtifactException>(
            () => new IsloArtifactFetcher(harness.Runtime(timeouts: timeouts)).FetchAsync(Sandbox, "/workspace/repo", "a", Token)).WithTimeout();

        Assert.Equal("islo retrieve artifact a: timed out after 100ms", error.Message);
    }

    private static string Wrapped(string base64) =>
        string.Join('\n', base64.Chunk(76).Select(chunk => new string(chunk))) + "\n";

    private static async Task<int> WriteAsync(Stream stream, string text, int exitCode)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        return exitCode;
    }
}
