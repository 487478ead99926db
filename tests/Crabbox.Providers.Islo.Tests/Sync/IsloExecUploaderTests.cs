using System.Text.RegularExpressions;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Sync;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Sync;

public sealed partial class IsloExecUploaderTests
{
    private const string Sandbox = "crabbox-repo-abcdef";

    [Fact]
    public async Task UploadAsync_TwoBlocks_CleanAppendEachBlockThenExtract()
    {
        using var harness = new BackendHarness();
        var archive = Enumerable.Range(0, IsloExecUploader.ChunkBytes + 10).Select(i => (byte)i).ToArray();

        await Uploader(harness).UploadAsync(Sandbox, "/workspace/repo", new MemoryStream(archive), null, TestContext.Current.CancellationToken).WithTimeout();

        var scripts = harness.Client.Scripts;
        Assert.Equal(4, scripts.Count);
        var stem = Stem().Match(scripts[0]).Groups[1].Value;
        Assert.Equal($"rm -f '/tmp/crabbox-{stem}.tgz.b64' '/tmp/crabbox-{stem}.tgz'", scripts[0]);
        Assert.Equal($"printf %s '{Convert.ToBase64String(archive, 0, IsloExecUploader.ChunkBytes)}' >> '/tmp/crabbox-{stem}.tgz.b64'", scripts[1]);
        Assert.Equal(65536, Convert.ToBase64String(archive, 0, IsloExecUploader.ChunkBytes).Length);
        Assert.Equal($"printf %s '{Convert.ToBase64String(archive, IsloExecUploader.ChunkBytes, 10)}' >> '/tmp/crabbox-{stem}.tgz.b64'", scripts[2]);
        Assert.Equal(IsloExecUploader.ExtractCommand($"/tmp/crabbox-{stem}.tgz.b64", $"/tmp/crabbox-{stem}.tgz", "/workspace/repo"), scripts[3]);
        Assert.All(harness.Client.Execs, exec => Assert.Equal("bash", exec.Command[0]));
    }

    [Fact]
    public void ExtractCommand_DecodesExtractsAndAlwaysCleansUp()
    {
        var command = IsloExecUploader.ExtractCommand("/tmp/crabbox-abc123.tgz.b64", "/tmp/crabbox-abc123.tgz", "/workspace/repo");

        Assert.Equal(
            "if base64 -d '/tmp/crabbox-abc123.tgz.b64' > '/tmp/crabbox-abc123.tgz' 2>/dev/null; then :; "
            + "else base64 --decode '/tmp/crabbox-abc123.tgz.b64' > '/tmp/crabbox-abc123.tgz'; fi"
            + " && tar -xzf '/tmp/crabbox-abc123.tgz' -C '/workspace/repo'; status=$?; "
            + "rm -f '/tmp/crabbox-abc123.tgz.b64' '/tmp/crabbox-abc123.tgz'; exit $status",
            command);
        Assert.True(command.IndexOf("tar -xzf", StringComparison.Ordinal) < command.IndexOf("rm -f", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtractCommand_RealBash_ExtractsAndCleansUpEvenOnFailure()
    {
        using var directory = new TempDirectory();
        var workspace = directory.Combine("ws");
        Directory.CreateDirectory(workspace);
        var encoded = directory.Combine("a.tgz.b64");
        var decoded = directory.Combine("a.tgz");
        await File.WriteAllTextAsync(encoded, "bm90IGEgdGFyYmFsbA==", TestContext.Current.CancellationToken);

        var result = await TestProcess.RunAsync("bash", ["-c", IsloExecUploader.ExtractCommand(encoded, decoded, workspace)], directory.Path).WithTimeout();

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(encoded));
        Assert.False(File.Exists(decoded));
    }

    /// <summary>A failed chunk (here after Ctrl-C) still removes the remote temp files, on a fresh token.</summary>
    [Fact]
    public async Task UploadAsync_ChunkFailsAfterCancel_LastCommandRemovesTempFiles()
    {
        using var harness = new BackendHarness();
        using var cancel = new CancellationTokenSource();
        var execs = 0;
        harness.Client.OnExec = (_, _, _, _, token) =>
        {
            execs++;
            if (execs == 3)
            {
                cancel.Cancel();
                return Task.FromResult(1);
            }

            return Task.FromResult(0);
        };
        var archive = new byte[IsloExecUploader.ChunkBytes + 1024];

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Uploader(harness).UploadAsync(Sandbox, "/workspace/repo", new MemoryStream(archive), null, cancel.Token)).WithTimeout();

        Assert.Equal("islo exec \"append archive chunk\" exited 1", error.Message);
        var last = harness.Client.Calls[^1];
        var script = ((IsloExecRequest)last.Payload!).Command[^1];
        Assert.Matches(CleanupCommand(), script);
        Assert.Contains(".tgz.b64'", script, StringComparison.Ordinal);
        Assert.True(last.TokenCancelable);
        Assert.Equal(4, harness.Client.Execs.Count);
    }

    [Fact]
    public async Task UploadAsync_ExtractFails_CleansUpAndRethrows()
    {
        using var harness = new BackendHarness();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(request.Command[^1].Contains("tar -xzf", StringComparison.Ordinal) ? 2 : 0);

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Uploader(harness).UploadAsync(Sandbox, "/workspace/repo", new MemoryStream([1, 2, 3]), "islo", TestContext.Current.CancellationToken)).WithTimeout();

        Assert.Equal(2, error.ExitCode);
        Assert.Matches(CleanupCommand(), harness.Client.Scripts[^1]);
        Assert.All(harness.Client.Execs, exec => Assert.Equal("islo", exec.User));
    }

    private static IsloExecUploader Uploader(BackendHarness harness)
    {
        var runtime = harness.Runtime();
        return new IsloExecUploader(runtime, new IsloHelperExec(runtime));
    }

    [GeneratedRegex("/tmp/crabbox-([0-9a-f]{6})\\.tgz")]
    private static partial Regex Stem();

    [GeneratedRegex("^rm -f '/tmp/crabbox-[0-9a-f]{6}\\.tgz\\.b64' '/tmp/crabbox-[0-9a-f]{6}\\.tgz'$")]
    private static partial Regex CleanupCommand();
}
