using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloBackendTests
{
    /// <summary>Walks every command through success and failure paths and looks for the key everywhere a user or the sandbox could see it.</summary>
    [Fact]
    public async Task EveryCommand_ApiKey_NeverInOutputClaimsArgvOrErrors()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnUpload = (_, _, _, _) => throw new IsloApiException(System.Net.HttpStatusCode.BadGateway, null, "islo upload archive: 502 Bad Gateway");
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 9 : 0);
        var backend = harness.CreateBackend();
        var errors = new List<string>();

        await backend.WarmupAsync(Requests.Warmup(harness) with { Slug = "warm", TimingJson = true }, Token).WithTimeout();
        var run = await backend.RunAsync(Requests.Run(harness) with { KeepOnFailure = true, TimingJson = true }, Token).WithTimeout();
        errors.Add(run.Message!);
        await backend.RunAsync(Requests.Run(harness) with { Id = "warm", NoSync = true }, Token).WithTimeout();
        harness.Client.ListResult = [new IsloSandbox { Name = run.Session!.LeaseId[4..], Status = "running" }];
        await backend.ListAsync(new ListRequest(), Token).WithTimeout();
        await backend.StatusAsync(new StatusRequest { Id = "warm", Wait = true }, Token).WithTimeout();
        await backend.ResolveSshAsync(new LeaseRequest { Id = "warm", Repo = harness.RepoInfo }, Token).WithTimeout();
        await backend.PauseAsync(new LeaseRequest { Id = "warm" }, Token).WithTimeout();
        await backend.StopAsync(new LeaseRequest { Id = "warm" }, Token).WithTimeout();
        errors.Add((await Assert.ThrowsAsync<CrabboxException>(() => backend.StopAsync(new LeaseRequest { Id = "production" }, Token)).WithTimeout()).Message);

        Assert.DoesNotContain(BackendHarness.ApiKey, harness.Everything(), StringComparison.Ordinal);
        Assert.All(errors, message => Assert.DoesNotContain(BackendHarness.ApiKey, message, StringComparison.Ordinal));
        Assert.All(harness.Client.Execs, exec =>
        {
            Assert.DoesNotContain(exec.Command, word => word.Contains(BackendHarness.ApiKey, StringComparison.Ordinal));
            Assert.DoesNotContain(exec.Env?.Values ?? [], value => value.Contains(BackendHarness.ApiKey, StringComparison.Ordinal));
        });
        Assert.All(harness.Client.CallsTo("create"), call => Assert.DoesNotContain(BackendHarness.ApiKey, call.Payload!.ToString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ForwardedVariableHoldingApiKey_NotSentToSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        var request = Requests.Run(harness) with
        {
            Environment = new Dictionary<string, string> { ["ISLO_API_KEY"] = BackendHarness.ApiKey, ["CI"] = "1" },
        };

        await harness.CreateBackend().RunAsync(request, Token).WithTimeout();

        var workload = harness.Client.Execs.Single(ExecKind.IsWorkload);
        Assert.False(workload.Env!.ContainsKey("ISLO_API_KEY"));
        Assert.Equal("1", workload.Env["CI"]);
        Assert.Contains("warning: not forwarding ISLO_API_KEY: it holds the Islo API key", harness.ErrorLines);
    }

    /// <summary>With the local provider the active key is the emulator's; the user's real Islo key must still stay on this machine.</summary>
    [Fact]
    public async Task RunAsync_LocalProviderForwardsUsersIsloKey_NotSentToSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");
        harness.Variables["ISLO_API_KEY"] = BackendHarness.ApiKey;
        var request = Requests.Run(harness) with
        {
            Environment = new Dictionary<string, string>
            {
                ["ISLO_API_KEY"] = BackendHarness.ApiKey,
                ["COPY_OF_KEY"] = " " + BackendHarness.ApiKey + "\n",
                ["CI"] = "1",
            },
        };

        await harness.CreateBackend("local", s_localEndpoint).RunAsync(request, Token).WithTimeout();

        var workload = harness.Client.Execs.Single(ExecKind.IsWorkload);
        Assert.Equal(["CI", "CRABBOX_LEASE_ID", "CRABBOX_SLUG"], workload.Env!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("warning: not forwarding ISLO_API_KEY: it holds the Islo API key", harness.ErrorLines);
        Assert.Contains("warning: not forwarding COPY_OF_KEY: it holds the Islo API key", harness.ErrorLines);
    }

    /// <summary>Both key variables are secrets, whichever of them the endpoint uses; an allowed name is refused even with another value.</summary>
    [Fact]
    public async Task RunAsync_ForwardedOtherKeyVariable_NotSentToSandbox()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["ISLO_API_KEY"] = "islo_sk_live_second_key";
        var request = Requests.Run(harness) with
        {
            Environment = new Dictionary<string, string>
            {
                ["ISLO_API_KEY"] = "islo_sk_live_second_key",
                ["SECOND"] = "islo_sk_live_second_key",
                ["CRABBOX_ISLO_API_KEY"] = "something-else",
                ["CI"] = "1",
            },
        };

        await harness.CreateBackend().RunAsync(request, Token).WithTimeout();

        var workload = harness.Client.Execs.Single(ExecKind.IsWorkload);
        Assert.Equal(["CI", "CRABBOX_LEASE_ID", "CRABBOX_SLUG"], workload.Env!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("warning: not forwarding SECOND: it holds the Islo API key", harness.ErrorLines);
        Assert.Contains("warning: not forwarding CRABBOX_ISLO_API_KEY: it holds the Islo API key", harness.ErrorLines);
    }
}
