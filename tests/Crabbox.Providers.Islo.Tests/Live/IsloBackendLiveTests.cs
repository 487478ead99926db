using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Live;

/// <summary>
/// Opt-in lifecycle against the real Islo API: warmup, status --wait, run <c>printf ok</c> with
/// <c>--no-sync --keep</c>, stop. Runs only when <c>ISLO_API_KEY</c> is set (honors
/// <c>ISLO_BASE_URL</c>, <c>ISLO_COMPUTE_URL</c> and <c>CRABBOX_LIVE_ISLO_IMAGE</c>); it creates
/// one sandbox and always deletes it.
/// </summary>
[Trait("Category", "Live")]
public sealed class IsloBackendLiveTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lifecycle_WarmupStatusRunStop_AgainstLiveApi()
    {
        var process = EnvironmentVariables.FromProcess();
        var apiKey = process.Get("ISLO_API_KEY");
        Assert.SkipUnless(apiKey is not null, "live Islo tests need ISLO_API_KEY");
        using var http = IsloHttpClients.Create();
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Time = TimeProvider.System;
        harness.ClientFactory = new LiveIsloClientFactory(http);
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");
        harness.Variables["ISLO_API_KEY"] = apiKey!;
        foreach (var name in new[] { "ISLO_BASE_URL", "ISLO_COMPUTE_URL" })
        {
            if (process.Get(name) is { } value)
            {
                harness.Variables[name] = value;
            }
        }

        if (process.Get("CRABBOX_LIVE_ISLO_IMAGE") is { } image)
        {
            harness.Variables["CRABBOX_ISLO_IMAGE"] = image;
        }

        var backend = harness.CreateBackend();
        var slug = "live-" + Guid.NewGuid().ToString("N")[..8];
        await backend.WarmupAsync(Requests.Warmup(harness) with { Slug = slug }, Token).WaitAsync(TimeSpan.FromMinutes(6), Token);
        try
        {
            var status = await backend.StatusAsync(new StatusRequest { Id = slug, Wait = true }, Token).WaitAsync(TimeSpan.FromMinutes(6), Token);
            var result = await backend.RunAsync(
                Requests.Run(harness, "printf", "ok") with { Id = slug, NoSync = true, Keep = true },
                Token).WaitAsync(TimeSpan.FromMinutes(3), Token);

            Assert.True(status.Ready);
            Assert.Equal(0, result.ExitCode);
            Assert.EndsWith("\nok", harness.Out, StringComparison.Ordinal);
        }
        finally
        {
            await backend.StopAsync(new LeaseRequest { Id = slug }, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        Assert.Contains(harness.ErrorLines, line => line.StartsWith("released lease=isb_crabbox-repo-", StringComparison.Ordinal));
        Assert.DoesNotContain(apiKey!, harness.Everything(), StringComparison.Ordinal);
    }
}
