using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloBackendTests
{
    private static readonly IsloEndpoint s_localEndpoint = new(new Uri("http://127.0.0.1:41234"), new Uri("http://127.0.0.1:41234"), "local-emulator-key");

    /// <summary>The <c>local</c> provider reuses this backend: every provider-naming text says <c>local</c>, API errors still say <c>islo</c>.</summary>
    [Fact]
    public async Task RunAsync_LocalDisplayName_NamesLocalInEveryProviderText()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnExec = (_, request, _, _, _) => Task.FromResult(ExecKind.IsWorkload(request) ? 3 : 0);
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(null, null, "islo delete sandbox: connection refused");
        var backend = harness.CreateBackend("local", s_localEndpoint);

        var result = await backend.RunAsync(Requests.Run(harness) with { KeepOnFailure = true, Keep = false, TimingJson = true }, Token).WithTimeout();

        var leaseId = result.Session!.LeaseId;
        var name = leaseId["isb_".Length..];
        Assert.Equal("local run exited 3", result.Message);
        Assert.Equal("local", result.Session.Provider);
        Assert.Equal($"crabbox stop --provider local '{leaseId}'", result.Session.CleanupCommand);
        var lines = harness.ErrorLines;
        Assert.Contains($"leased {leaseId} slug={result.Session.Slug} provider=local sandbox={name}", lines);
        Assert.Contains($"provider=local lease={leaseId} sandbox={name}", lines);
        Assert.Contains(lines, line => line.StartsWith("local run summary sync=", StringComparison.Ordinal));
        Assert.Contains($"rerun: crabbox run --provider local --id {result.Session.Slug} -- true", lines);
        Assert.Contains($"stop: crabbox stop --provider local {result.Session.Slug}", lines);
        Assert.Contains("\"provider\":\"local\"", lines[^1], StringComparison.Ordinal);
        Assert.Equal("local", (await harness.ReadClaimAsync(leaseId))!.Provider);
        Assert.Equal("local-emulator-key", Assert.Single(harness.Factory.Created).ApiKey);
    }

    [Fact]
    public async Task RunAsync_LocalDisplayNameReleaseFails_LocalCleanupHint()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(null, null, "islo delete sandbox: connection refused");

        var result = await harness.CreateBackend("local", s_localEndpoint).RunAsync(Requests.Run(harness), Token).WithTimeout();

        var name = result.Session!.LeaseId["isb_".Length..];
        Assert.Equal(
            [$"warning: local stop failed for {name}: islo delete sandbox: connection refused", $"cleanup: crabbox stop --provider local '{result.Session.LeaseId}'"],
            harness.ErrorLines.TakeLast(2));
    }

    [Fact]
    public async Task WarmupStatusListStop_LocalDisplayName_LocalEverywhere()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        var backend = harness.CreateBackend("local", s_localEndpoint);

        await backend.WarmupAsync(Requests.Warmup(harness) with { Slug = "box", Keep = false }, Token).WithTimeout();
        var name = harness.Client.Calls[0].Sandbox!;
        harness.Client.ListResult = [new IsloSandbox { Name = name, Status = "running" }];
        var status = await backend.StatusAsync(new StatusRequest { Id = "box" }, Token).WithTimeout();
        var list = await backend.ListAsync(new ListRequest(), Token).WithTimeout();
        await backend.StopAsync(new LeaseRequest { Id = "box" }, Token).WithTimeout();

        Assert.StartsWith($"leased isb_{name} slug=box provider=local sandbox={name}\n", harness.Out, StringComparison.Ordinal);
        Assert.Contains("warning: local warmup keeps the sandbox until explicit stop", harness.ErrorLines);
        Assert.Equal("local", status.Provider);
        Assert.Equal("box", status.Slug);
        Assert.Equal("local", list.Single().Provider);
        Assert.Equal("box", list.Single().Labels["slug"]);
        Assert.Contains($"released lease=isb_{name} sandbox={name}", harness.ErrorLines);
    }

    [Fact]
    public async Task StopAsync_IsloClaimSeenFromLocal_NotAnExactClaim()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", provider: "islo");

        var error = await Assert.ThrowsAsync<Core.CrabboxException>(
            () => harness.CreateBackend("local", s_localEndpoint).StopAsync(new LeaseRequest { Id = LeaseId }, Token)).WithTimeout();

        Assert.Equal($"local lease \"{LeaseId}\" has no exact local claim; adopt it with an explicit --reclaim reuse before stop", error.Message);
        Assert.Empty(harness.Client.Calls);
    }
}
