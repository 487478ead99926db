using Crabbox.EndToEnd.Tests.Support;
using Crabbox.Islo.Emulator;

namespace Crabbox.EndToEnd.Tests.Providers;

/// <summary>
/// <c>--provider islo</c> against an emulator this test hosts, reached only through
/// <c>ISLO_BASE_URL</c> and <c>ISLO_API_KEY</c>, as crabbox would reach the real service.
/// </summary>
public sealed class IsloProviderTests(SampleRepoFixture repo) : IClassFixture<SampleRepoFixture>
{
    [Fact]
    public async Task Run_ArchiveUploadFails_FallsBackToExecUploadWithContentAndExecBit()
    {
        using var home = new CrabboxHome();
        using var state = new TempDirectory("crabbox-e2e-emulator");
        await using var emulator = await StartEmulatorAsync(state, new EmulatorFaults { FailFilesArchiveUpload = true });
        var script = $"cat {SampleRepoFixture.HelloPath} {SampleRepoFixture.UntrackedPath} && test -x {SampleRepoFixture.ScriptPath} "
            + $"&& ./{SampleRepoFixture.ScriptPath} && test ! -e {SampleRepoFixture.IgnoredPath}";

        var result = await CrabboxCli.RunAsync(home, repo.Root, ["run", "--provider", "islo", "--", "sh", "-c", script], IsloEnvironment(emulator));

        CliAssert.ExitCode(0, result);
        Assert.Equal(SampleRepoFixture.HelloContent + "untracked, not ignored\n" + SampleRepoFixture.ScriptOutput + "\n", result.Output);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("warning: islo archive API upload failed; falling back to exec upload: ", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, line => line.StartsWith("sync complete in ", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(home.Temp));
    }

    [Fact]
    public async Task Commands_ApiKeyFromEnvironment_NeverPrintedStoredOrForwarded()
    {
        using var home = new CrabboxHome();
        using var state = new TempDirectory("crabbox-e2e-emulator");
        var apiKey = $"ak_e2e_{Guid.NewGuid():N}";
        await using var emulator = await StartEmulatorAsync(state, new EmulatorFaults(), apiKey);
        var environment = new Dictionary<string, string>(IsloEnvironment(emulator)) { ["COPY_OF_KEY"] = apiKey };
        var results = new List<CliResult>();

        var warmup = await CrabboxCli.RunAsync(home, repo.Root, ["warmup", "--provider", "islo"], environment);
        results.Add(warmup);
        var lease = LeasedSandbox.Parse(warmup.Output);
        var run = await CrabboxCli.RunAsync(
            home, repo.Root, ["run", "--provider", "islo", "--id", lease.Slug, "--allow-env", "COPY_OF_KEY", "--allow-env", "ISLO_API_KEY", "--", "env"], environment);
        results.Add(run);
        results.Add(await CrabboxCli.RunAsync(home, repo.Root, ["status", "--provider", "islo", lease.Slug, "--json"], environment));
        results.Add(await CrabboxCli.RunAsync(home, repo.Root, ["list", "--provider", "islo", "--json"], environment));
        var claim = Path.Combine(home.ClaimsDirectory, lease.LeaseId + ".json");
        var claimExisted = File.Exists(claim);
        var filesWithKeyWhileClaimed = home.FilesContaining(apiKey);
        var wrongKey = new Dictionary<string, string>(environment) { ["ISLO_API_KEY"] = $"ak_wrong_{Guid.NewGuid():N}" };
        var rejected = await CrabboxCli.RunAsync(home, repo.Root, ["list", "--provider", "islo"], wrongKey);
        results.Add(await CrabboxCli.RunAsync(home, repo.Root, ["stop", "--provider", "islo", lease.Slug], environment));

        Assert.All(results, result => CliAssert.ExitCode(0, result));
        Assert.Contains($"CRABBOX_LEASE_ID={lease.LeaseId}", run.OutputLines);
        Assert.DoesNotContain(run.OutputLines, line => line.StartsWith("COPY_OF_KEY=", StringComparison.Ordinal) || line.StartsWith("ISLO_", StringComparison.Ordinal));
        Assert.Contains("warning: not forwarding COPY_OF_KEY: it holds the Islo API key", run.ErrorLines);
        Assert.Contains("warning: not forwarding ISLO_API_KEY: it holds the Islo API key", run.ErrorLines);
        Assert.All(results, result => Assert.DoesNotContain(apiKey, result.Output + result.Error, StringComparison.Ordinal));
        CliAssert.ExitCode(3, rejected);
        Assert.DoesNotContain(wrongKey["ISLO_API_KEY"], rejected.Output + rejected.Error, StringComparison.Ordinal);
        Assert.True(claimExisted, $"no claim at {claim}");
        Assert.Empty(filesWithKeyWhileClaimed);
        Assert.Empty(home.FilesContaining(apiKey));
    }

    private static Task<IsloEmulatorHost> StartEmulatorAsync(TempDirectory state, EmulatorFaults faults, string? apiKey = null) =>
        IsloEmulatorHost.StartAsync(
            new IsloEmulatorOptions { StateDirectory = state.Path, Isolation = SandboxIsolation.Bubblewrap, Faults = faults, ApiKey = apiKey },
            TestContext.Current.CancellationToken).WithTimeout();

    private static Dictionary<string, string> IsloEnvironment(IsloEmulatorHost emulator) => new()
    {
        ["ISLO_BASE_URL"] = emulator.BaseUrl.ToString().TrimEnd('/'),
        ["ISLO_API_KEY"] = emulator.ApiKey,
    };
}
