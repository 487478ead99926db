using System.Text;
using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed partial class IsloRunnerTests
{
    [Fact]
    public async Task RunAsync_RequiredArtifactAndDownload_FetchedBeforeDelete()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        var files = new Dictionary<string, string> { ["reports/manifest.json"] = "{\"ok\":true}", ["dist/out.txt"] = "built\n" };
        harness.Client.OnExec = (_, request, stdout, _, _) => ExecKind.IsArtifactRead(request)
            ? Output(stdout, Convert.ToBase64String(Encoding.UTF8.GetBytes(files[RemotePath(request)])) + "\n", 0)
            : Task.FromResult(0);
        var request = Requests.Run(harness) with
        {
            RequiredArtifacts = ["reports/manifest.json"],
            Downloads = [new DownloadSpec("dist/out.txt", "local/out.txt"), new DownloadSpec("reports/manifest.json", "manifest.json")],
            TimingJson = true,
        };

        var result = await harness.CreateBackend().RunAsync(request, Token).WithTimeout();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("built\n", await File.ReadAllTextAsync(Path.Combine(harness.RepoRoot, "local", "out.txt"), Token));
        Assert.Equal("{\"ok\":true}", await File.ReadAllTextAsync(Path.Combine(harness.RepoRoot, "manifest.json"), Token));
        Assert.Equal(2, harness.Client.Execs.Count(ExecKind.IsArtifactRead));
        var methods = harness.Client.Calls.Select(call => call.Method).ToList();
        Assert.Equal("delete", methods[^1]);
        Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Contains("required artifact reports/manifest.json matched=1", harness.ErrorLines);
        Assert.Contains("downloaded local/out.txt bytes=6", harness.ErrorLines);
        Assert.Contains("downloaded manifest.json bytes=11", harness.ErrorLines);
        Assert.Contains("\"artifacts\":[{\"kind\":\"delegated-download\",\"path\":\"local/out.txt\",\"bytes\":6},{\"kind\":\"delegated-download\",\"path\":\"manifest.json\",\"bytes\":11}]", harness.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OversizedRequiredArtifact_Exit7()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, stdout, _, _) => ExecKind.IsArtifactRead(request)
            ? Output(stdout, Convert.ToBase64String(new byte[(64 * 1024) + 1]), 0)
            : Task.FromResult(0);

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { RequiredArtifacts = ["reports/manifest.json"] }, Token).WithTimeout();

        Assert.Equal(ExitCodes.Lifecycle, result.ExitCode);
        Assert.Equal("delegated artifact reports/manifest.json exceeds 65536 bytes", result.Message);
        Assert.Equal("islo run summary sync=0s command=0s total=0s exit=7", harness.ErrorLines[^1]);
        Assert.Single(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task RunAsync_MissingRequiredArtifact_Exit7WithKeepOnFailure()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsArtifactRead(request) ? 1 : 0);

        var result = await harness.CreateBackend().RunAsync(
            Requests.Run(harness) with { RequiredArtifacts = ["out/a.txt"], KeepOnFailure = true }, Token).WithTimeout();

        Assert.Equal(ExitCodes.Lifecycle, result.ExitCode);
        Assert.Equal("delegated artifact out/a.txt: islo retrieve artifact out/a.txt exited 1", result.Message);
        Assert.Empty(harness.Client.CallsTo("delete"));
        Assert.Contains(harness.ErrorLines, line => line.StartsWith("keep-on-failure: kept lease=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_LocalWriteFails_Exit2()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Repo!.Write("blocker", "a file where a directory should be");
        harness.Client.OnExec = (_, request, stdout, _, _) => ExecKind.IsArtifactRead(request) ? Output(stdout, "aGk=\n", 0) : Task.FromResult(0);

        var result = await harness.CreateBackend().RunAsync(
            Requests.Run(harness) with { Downloads = [new DownloadSpec("out.txt", "blocker/out.txt")] }, Token).WithTimeout();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("download out.txt: write blocker/out.txt: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommandFailed_NoArtifactsFetched()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 1 : 0);

        var result = await harness.CreateBackend().RunAsync(
            Requests.Run(harness) with { RequiredArtifacts = ["a.txt"], Downloads = [new DownloadSpec("b.txt", "b.txt")] }, Token).WithTimeout();

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(harness.Client.Execs, ExecKind.IsArtifactRead);
    }

    private static string RemotePath(IsloExecRequest request) =>
        request.Command[^1].Split('\n').Single(line => line.StartsWith("remote=", StringComparison.Ordinal))["remote='".Length..^1];
}
