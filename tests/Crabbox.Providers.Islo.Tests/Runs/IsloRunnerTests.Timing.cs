using System.Text.Json;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed partial class IsloRunnerTests
{
    [Fact]
    public async Task RunAsync_TimingJsonOnSuccess_LastStderrLine()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        var result = await harness.CreateBackend().RunAsync(Requests.Run(harness) with { TimingJson = true, Label = "ci" }, Token).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines[^1]);
        var root = timing.RootElement;
        Assert.Equal("islo", root.GetProperty("provider").GetString());
        Assert.Equal(result.Session!.LeaseId, root.GetProperty("leaseId").GetString());
        Assert.Equal(result.Session.Slug, root.GetProperty("slug").GetString());
        Assert.False(root.GetProperty("syncSkipped").GetBoolean());
        Assert.True(root.GetProperty("syncDelegated").GetBoolean());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("succeeded", root.GetProperty("runStatus").GetString());
        Assert.False(root.TryGetProperty("errorKind", out _));
        Assert.Equal("ci", root.GetProperty("label").GetString());
        Assert.Equal("run_0123456789ab", root.GetProperty("runId").GetString());
        Assert.True(root.GetProperty("leaseStopped").GetBoolean());
        Assert.Equal(
            ["manifest", "preflight", "prepare", "upload", "islo_sync"],
            root.GetProperty("syncPhases").EnumerateArray().Select(phase => phase.GetProperty("name").GetString()));
        Assert.StartsWith("islo run summary", harness.ErrorLines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TimingJsonOnCommandFailure_ClassifiedAsCommandExit()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 42 : 0);

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { TimingJson = true }, Token).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines[^1]);
        Assert.Equal(42, timing.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("failed", timing.RootElement.GetProperty("runStatus").GetString());
        Assert.Equal("command-exit", timing.RootElement.GetProperty("errorKind").GetString());
    }

    [Fact]
    public async Task RunAsync_TimingJsonWithNoSync_SkippedSyncPhase()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { TimingJson = true, NoSync = true, Keep = true }, Token).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines[^1]);
        Assert.True(timing.RootElement.GetProperty("syncSkipped").GetBoolean());
        Assert.Equal(
            "[{\"name\":\"sync\",\"skipped\":true,\"reason\":\"--no-sync\"}]",
            timing.RootElement.GetProperty("syncPhases").GetRawText());
        Assert.False(timing.RootElement.TryGetProperty("leaseStopped", out _));
    }

    [Fact]
    public async Task RunAsync_TimingJsonWhenCancelled_ClassifiedAsCanceled()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var interrupt = new CancellationTokenSource();
        harness.Client.OnExec = async (_, request, _, _, token) =>
        {
            if (ExecKind.IsWorkload(request))
            {
                await interrupt.CancelAsync();
                token.ThrowIfCancellationRequested();
            }

            return 0;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.CreateBackend().RunAsync(Requests.Run(harness) with { TimingJson = true }, interrupt.Token)).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines[^1]);
        Assert.Equal("canceled", timing.RootElement.GetProperty("runStatus").GetString());
        Assert.Equal("canceled", timing.RootElement.GetProperty("errorKind").GetString());
        Assert.Equal(130, timing.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task RunAsync_TimingJsonWhenDeleteFails_RecordsStopError()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(null, null, "islo delete sandbox: connection refused");

        await harness.CreateBackend().RunAsync(Requests.Run(harness) with { TimingJson = true }, Token).WithTimeout();

        using var timing = JsonDocument.Parse(harness.ErrorLines[^1]);
        Assert.False(timing.RootElement.GetProperty("leaseStopped").GetBoolean());
        Assert.Equal("islo delete sandbox: connection refused", timing.RootElement.GetProperty("leaseStopError").GetString());
    }
}
