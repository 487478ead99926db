using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Live;

/// <summary>
/// Opt-in checks against the real Islo API. They run only when <c>ISLO_API_KEY</c> is set (and
/// honor <c>ISLO_BASE_URL</c> / <c>ISLO_COMPUTE_URL</c>); otherwise they are skipped with a
/// reason, so <c>dotnet test</c> stays hermetic. Read-only: nothing is created.
/// </summary>
[Trait("Category", "Live")]
public sealed class IsloClientLiveTests
{
    private static readonly string[] s_knownStatuses =
        ["starting", "running", "paused", "stopping", "stopped", "failed", "deleted", "unknown"];

    [Fact]
    public async Task ListSandboxesAsync_LiveKey_ExchangesTokenAndClassifiesStatuses()
    {
        var environment = EnvironmentVariables.FromProcess();
        var apiKey = environment.Get("ISLO_API_KEY");
        Assert.SkipUnless(apiKey is not null, "live Islo tests need ISLO_API_KEY");
        var baseUrl = new Uri(environment.Get("ISLO_BASE_URL") ?? IsloClientOptions.DefaultBaseUrl.AbsoluteUri);
        var options = new IsloClientOptions
        {
            BaseUrl = baseUrl,
            ComputeUrl = new Uri(environment.Get("ISLO_COMPUTE_URL") ?? baseUrl.AbsoluteUri),
            ApiKey = apiKey!,
        };
        using var http = IsloHttpClients.Create();
        var client = new IsloClient(http, options, TimeProvider.System);

        var sandboxes = await client.ListSandboxesAsync(TestContext.Current.CancellationToken).WithTimeout();

        Assert.All(sandboxes, sandbox =>
        {
            Assert.False(string.IsNullOrWhiteSpace(sandbox.Name));
            var status = sandbox.Status?.Trim().ToLowerInvariant() ?? "";
            Assert.Contains(status, s_knownStatuses);
            Assert.Equal(status == "running", IsloSandboxStatus.IsReady(sandbox.Status));
            Assert.Equal(status is "failed" or "stopped" or "stopping" or "deleted", IsloSandboxStatus.IsTerminal(sandbox.Status));
        });
    }
}
