using System.Security.Cryptography;
using System.Text;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary>
/// The remote command's stdout and stderr reach crabbox's stdout and stderr separately and byte
/// for byte. The emulator streams them as Server-Sent Events, a UTF-8 text framing: it cannot
/// carry invalid UTF-8 or a CR exactly (CRLF arrives as LF), so the data here is UTF-8 text with
/// LF line ends only; anything else is a limit of the wire format, not of crabbox.
/// </summary>
public sealed class RunOutputTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    private const int LargeLineCount = 655_360;

    // Each write is followed by a pause so it becomes its own pipe read and SSE event: the splits
    // cut multi-byte characters (é: 2 bytes, ✓: 3, 🦀: 4) across events, and neither stream ends
    // with a newline.
    private const string SplitWritesScript = """
        import os, time
        def put(fd, data):
            os.write(fd, data)
            time.sleep(0.15)
        put(1, b"line one\n")
        put(2, b"err: caf\xc3")
        put(1, b"stdout \xe2\x9c")
        put(2, b"\xa9 \xf0\x9f")
        put(1, b"\x93 \xf0")
        put(2, b"\xa6\x80 end")
        put(1, b"\x9f\xa6\x80 \xc3")
        put(1, b"\xa9 no trailing newline")
        """;

    // 80 bytes per line (ASCII source, non-ASCII output), 655360 lines = 50 MiB.
    private const string LargeOutputScript = """
        import sys
        write = sys.stdout.buffer.write
        line = "%07d h\u00e9llo w\u00f6rld \u2713 \U0001F980 abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL\n"
        for start in range(0, 655360, 4096):
            write("".join(line % i for i in range(start, start + 4096)).encode("utf-8"))
        """;

    [Fact]
    public async Task Run_SplitMultiByteWritesWithoutTrailingNewline_StdoutAndStderrByteExact()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--no-sync", "--", "python3", "-c", SplitWritesScript]);

        CliAssert.ExitCode(0, result);
        Assert.Equal(Encoding.UTF8.GetBytes("line one\nstdout ✓ 🦀 é no trailing newline"), result.StandardOutput);
        var lease = LeasedSandbox.Parse(result.Error);
        var announced = $"provider=local lease={lease.LeaseId} sandbox={lease.Sandbox}\n";
        var remoteStart = result.Error.IndexOf(announced, StringComparison.Ordinal) + announced.Length;
        var remoteEnd = result.Error.IndexOf("local run summary ", StringComparison.Ordinal);
        Assert.True(remoteStart >= announced.Length && remoteEnd >= remoteStart, result.ToString());
        Assert.Equal("err: café 🦀 end", result.Error[remoteStart..remoteEnd]);
    }

    [Fact]
    public async Task Run_FiftyMegabytesOfStdout_ArrivesWithTheSameSha256()
    {
        using var home = new CrabboxHome();
        var outputPath = Path.Combine(home.Scratch, "stdout.bin");
        var (expectedHash, expectedLength) = ExpectedLargeOutput();

        CliResult result;
        await using (var output = File.Create(outputPath))
        {
            result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--no-sync", "--", "python3", "-c", LargeOutputScript], standardOutput: output);
        }

        CliAssert.ExitCode(0, result);
        Assert.Equal(expectedLength, new FileInfo(outputPath).Length);
        await using var written = File.OpenRead(outputPath);
        Assert.Equal(Convert.ToHexString(expectedHash), Convert.ToHexString(await SHA256.HashDataAsync(written, TestContext.Current.CancellationToken)));
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz", result.Error, StringComparison.Ordinal);
    }

    private static (byte[] Hash, long Length) ExpectedLargeOutput()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        for (var i = 0; i < LargeLineCount; i++)
        {
            var line = Encoding.UTF8.GetBytes($"{i:D7} héllo wörld ✓ 🦀 abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL\n");
            hash.AppendData(line);
            length += line.Length;
        }

        return (hash.GetHashAndReset(), length);
    }
}
