using System.Text.RegularExpressions;
using Crabbox.EndToEnd.Tests.Support;

namespace Crabbox.EndToEnd.Tests.Commands.Run;

/// <summary><c>crabbox run</c> exits with the remote command's own exit code.</summary>
public sealed class RunExitCodeTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public async Task Run_RemoteCommandExits_CrabboxExitsWithTheSameCode(int code)
    {
        using var home = new CrabboxHome();

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", CrabboxCli.Local, "--", "sh", "-c", $"echo before-exit; exit {code}"]);

        CliAssert.ExitCode(code, result);
        Assert.Equal("before-exit\n", result.Output);
        Assert.Contains(result.ErrorLines, line => Regex.IsMatch(line, $@"^local run summary sync=\S+ command=\S+ total=\S+ exit={code}$"));
        if (code == 0)
        {
            Assert.DoesNotContain(result.ErrorLines, line => line.StartsWith("crabbox:", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal($"crabbox: local run exited {code}", result.ErrorLines[^1]);
        }
    }
}
