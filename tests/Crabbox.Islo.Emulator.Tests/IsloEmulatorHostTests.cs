using System.Net;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests;

public sealed class IsloEmulatorHostTests
{
    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithGeneratedKey()
    {
        using var state = new TempDirectory();

        await using var host = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path }, TestTimeouts.Token());

        Assert.Equal("127.0.0.1", host.BaseUrl.Host);
        Assert.NotEqual(0, host.BaseUrl.Port);
        Assert.EndsWith("/", host.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("ak_emu_", host.ApiKey, StringComparison.Ordinal);
        Assert.Equal(SandboxIsolation.Bubblewrap, host.EffectiveIsolation);
        Assert.Null(host.IsolationWarning);
        Assert.True(Directory.Exists(Path.Combine(state.Path, "sandboxes")));
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("192.168.1.10:8080")]
    [InlineData("example.com:80")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:99999")]
    public async Task StartAsync_NonLoopbackOrMalformedAddress_ThrowsArgumentException(string address)
    {
        using var state = new TempDirectory();

        var start = IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path, ListenAddress = address }, TestTimeouts.Token());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => start);
    }

    [Fact]
    public async Task StartAsync_GivenApiKey_OnlyThatKeyIsAccepted()
    {
        using var state = new TempDirectory();
        await using var host = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path, ApiKey = "ak_test_fixed" }, TestTimeouts.Token());
        using var http = IsloTestClient.NewHttpClient(host);

        using var good = await http.PostAsync("auth/token", IsloTestClient.JsonBody("""{"access_key":"ak_test_fixed"}"""), TestTimeouts.Token());
        using var bad = await http.PostAsync("auth/token", IsloTestClient.JsonBody("""{"access_key":"ak_other"}"""), TestTimeouts.Token());

        Assert.Equal("ak_test_fixed", host.ApiKey);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task StartAsync_WithLog_WritesOneLinePerRequestWithoutSecrets()
    {
        using var state = new TempDirectory();
        var log = new StringWriter();
        await using var host = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path, Log = TextWriter.Synchronized(log) }, TestTimeouts.Token());
        using var client = await IsloTestClient.CreateAsync(host, TestTimeouts.Token());

        await client.GetAsync("sandboxes?q=needle");

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^islo-emulator: POST /auth/token 200 \d+ms$", lines[0]);
        Assert.Matches(@"^islo-emulator: GET /sandboxes 200 \d+ms$", lines[1]);
        Assert.DoesNotContain(host.ApiKey, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Http.DefaultRequestHeaders.Authorization!.Parameter!, log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HostIsolation_WarnsLoudlyAndMarksSandboxes()
    {
        using var state = new TempDirectory();
        var log = new StringWriter();
        await using var host = await IsloEmulatorHost.StartAsync(
            new IsloEmulatorOptions { StateDirectory = state.Path, Isolation = SandboxIsolation.Host, Log = TextWriter.Synchronized(log) },
            TestTimeouts.Token());
        using var client = await IsloTestClient.CreateAsync(host, TestTimeouts.Token());

        var name = await client.CreateSandboxAsync();
        var sandbox = await client.GetAsync($"sandboxes/{name}");
        var run = await client.BashAsync(name, "pwd; echo \"$HOME\"; echo \"$TMPDIR\"; echo \"$ISLO_EMULATOR_WORKSPACE\"");

        Assert.Equal(SandboxIsolation.Host, host.EffectiveIsolation);
        Assert.NotNull(host.IsolationWarning);
        Assert.StartsWith("warning:", host.IsolationWarning, StringComparison.Ordinal);
        Assert.Contains("warning:", log.ToString(), StringComparison.Ordinal);
        Assert.Equal("host", sandbox.String("isolation"));
        var sandboxDirectory = Path.Combine(state.Path, "sandboxes", name);
        Assert.Equal(
            $"{sandboxDirectory}/workspace\n{sandboxDirectory}/home\n{sandboxDirectory}/tmp\n{sandboxDirectory}/workspace\n",
            run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task StartAsync_SameStateDirectoryAfterRestart_SandboxesFilesAndStatusSurvive()
    {
        using var state = new TempDirectory();
        string running;
        string paused;
        await using (var first = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path }, TestTimeouts.Token()))
        {
            using var client = await IsloTestClient.CreateAsync(first, TestTimeouts.Token());
            running = await client.CreateSandboxAsync("keep");
            paused = await client.CreateSandboxAsync("nap");
            await client.BashAsync(running, "echo kept > /workspace/note.txt");
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"sandboxes/{paused}/pause")).Status);
        }

        await using var second = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path }, TestTimeouts.Token());
        using var again = await IsloTestClient.CreateAsync(second, TestTimeouts.Token());
        var runningStatus = (await again.GetAsync($"sandboxes/{running}")).String("status");
        var pausedStatus = (await again.GetAsync($"sandboxes/{paused}")).String("status");
        var note = await again.BashAsync(running, "cat /workspace/note.txt");

        Assert.Equal("running", runningStatus);
        Assert.Equal("paused", pausedStatus);
        Assert.Equal("kept\n", note.Stdout);
    }

    [Fact]
    public async Task StopAsync_RunningCommand_IsKilled()
    {
        using var state = new TempDirectory();
        var host = await IsloEmulatorHost.StartAsync(new IsloEmulatorOptions { StateDirectory = state.Path }, TestTimeouts.Token());
        using var client = await IsloTestClient.CreateAsync(host, TestTimeouts.Token());
        var name = await client.CreateSandboxAsync();
        var marker = ProcessProbe.UniqueSleepArgument();
        await client.StartExecAsync(name, ["sleep", marker]);
        await ProcessProbe.WaitUntilAsync(() => ProcessProbe.CountWithArgument(marker) > 0);

        await host.StopAsync(TestTimeouts.Token());
        await host.DisposeAsync();

        await ProcessProbe.WaitUntilAsync(() => ProcessProbe.CountWithArgument(marker) == 0);
        Assert.Equal(0, ProcessProbe.CountWithArgument(marker));
    }
}
