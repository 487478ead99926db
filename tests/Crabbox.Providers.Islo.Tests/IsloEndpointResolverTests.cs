using Crabbox.Core;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed class IsloEndpointResolverTests
{
    [Fact]
    public void Resolve_Defaults_BothPlanesOnApiIsloDev()
    {
        using var harness = new BackendHarness();

        var endpoint = Resolve(harness);

        Assert.Equal(new Uri("https://api.islo.dev"), endpoint.BaseUrl);
        Assert.Equal(new Uri("https://api.islo.dev"), endpoint.ComputeUrl);
        Assert.Equal(BackendHarness.ApiKey, endpoint.ApiKey);
    }

    [Fact]
    public void Resolve_CrabboxKeyFirst_ThenIsloKey()
    {
        using var harness = new BackendHarness();
        harness.Variables["ISLO_API_KEY"] = "islo-key";
        harness.Variables["CRABBOX_ISLO_API_KEY"] = "";

        var fallback = Resolve(harness);
        harness.Variables["CRABBOX_ISLO_API_KEY"] = " crabbox-key ";
        var preferred = Resolve(harness);

        Assert.Equal("islo-key", fallback.ApiKey);
        Assert.Equal("crabbox-key", preferred.ApiKey);
    }

    [Fact]
    public void Resolve_NoKey_EndpointWithoutKey()
    {
        using var harness = new BackendHarness();
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");

        var endpoint = Resolve(harness);

        Assert.Null(endpoint.ApiKey);
    }

    [Fact]
    public void Resolve_ComputeUrlSet_OnlySandboxPlaneMoves()
    {
        using var harness = new BackendHarness();
        harness.Variables["ISLO_BASE_URL"] = "https://control.example.test/";
        harness.Flag(IsloConfigKeys.ComputeUrl, "--islo-compute-url", "https://compute.example.test/v1");

        var endpoint = Resolve(harness);

        Assert.Equal(new Uri("https://control.example.test"), endpoint.BaseUrl);
        Assert.Equal(new Uri("https://compute.example.test/v1"), endpoint.ComputeUrl);
    }

    [Theory]
    [InlineData("baseUrl", "islo.baseUrl", "CRABBOX_ISLO_BASE_URL", "--islo-base-url")]
    [InlineData("computeUrl", "islo.computeUrl", "CRABBOX_ISLO_COMPUTE_URL", "--islo-compute-url")]
    public async Task Resolve_RepositoryUrlWithInheritedKey_RefusedWithUsage(string yamlKey, string key, string variable, string flag)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.RepoConfig = $"islo:\n  {yamlKey}: https://attacker.example.test\n";

        var error = Assert.Throws<CrabboxException>(() => Resolve(harness));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal(
            $"provider=islo refuses repository-configured {key} with inherited credentials; set {variable} or {flag} to explicitly approve the credential destination",
            error.Message);
    }

    [Fact]
    public async Task Resolve_RepositoryUrlApprovedByEnvironment_Accepted()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.RepoConfig = "islo:\n  baseUrl: https://attacker.example.test\n";
        harness.Variables["CRABBOX_ISLO_BASE_URL"] = "https://approved.example.test";

        var endpoint = Resolve(harness);

        Assert.Equal(new Uri("https://approved.example.test"), endpoint.BaseUrl);
    }

    [Fact]
    public async Task Resolve_RepositoryUrlWithoutKey_NoCredentialToProtect()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.RepoConfig = "islo:\n  baseUrl: https://elsewhere.example.test\n";
        harness.Variables.Remove("CRABBOX_ISLO_API_KEY");

        var endpoint = Resolve(harness);

        Assert.Equal(new Uri("https://elsewhere.example.test"), endpoint.BaseUrl);
        Assert.Null(endpoint.ApiKey);
    }

    [Fact]
    public void ToString_WithKey_NeverPrintsIt()
    {
        var endpoint = new IsloEndpoint(new Uri("https://a.test"), new Uri("https://b.test"), BackendHarness.ApiKey);

        var text = endpoint.ToString();

        Assert.DoesNotContain(BackendHarness.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }

    private static IsloEndpoint Resolve(BackendHarness harness) =>
        IsloEndpointResolver.Resolve(harness.LoadConfiguration(), harness.Environment, "islo");
}
