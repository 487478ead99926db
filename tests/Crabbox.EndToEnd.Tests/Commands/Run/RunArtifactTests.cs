using System.Text;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary><c>--download remote=local</c> and <c>--require-artifact</c> after a successful command.</summary>
public sealed class RunArtifactTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Run_DownloadAndRequireArtifact_WritesTheRemoteFileLocally()
    {
        using var home = new CrabboxHome();
        var local = Path.Combine(home.Scratch, "downloads", "report.txt");

        var result = await CrabboxCli.RunAsync(
            home,
            repo.Root,
            [
                "run", "--provider", CrabboxCli.Local, "--require-artifact", "out/report.txt", "--download", $"out/report.txt={local}",
                "--", "sh", "-c", "mkdir -p out && printf 'report ✓\\nline 2' > out/report.txt",
            ]);

        CliAssert.ExitCode(0, result);
        var expected = Encoding.UTF8.GetBytes("report ✓\nline 2");
        Assert.Equal(expected, await File.ReadAllBytesAsync(local, TestContext.Current.CancellationToken));
        Assert.Contains("required artifact out/report.txt matched=1", result.ErrorLines);
        Assert.Contains($"downloaded {local} bytes={expected.Length}", result.ErrorLines);
    }

    [Fact]
    public async Task Run_RequiredArtifactMissing_ExitsSevenAndDeletesTheSandbox()
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--require-artifact", "out/missing.txt", "--", "true"]);

        CliAssert.ExitCode(7, result);
        Assert.StartsWith("crabbox: delegated artifact out/missing.txt: ", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(await CrabboxCli.ListAsync(home, repo.Root));
    }
}
