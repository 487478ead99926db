using Crabbox.Core;
using Crabbox.Core.Providers;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed class IsloProviderTests
{
    [Fact]
    public void Spec_DeclaresDelegatedRunFeatures()
    {
        using var harness = new BackendHarness();

        var spec = harness.Provider().Spec;

        Assert.Equal("islo", spec.Name);
        Assert.Equal(ProviderKind.DelegatedRun, spec.Kind);
        Assert.Equal(
            ProviderFeatures.Ssh | ProviderFeatures.RunDownloads | ProviderFeatures.PauseResume | ProviderFeatures.RunSession | ProviderFeatures.FullResync
            | ProviderFeatures.UrlBridge,
            spec.Features);
        Assert.False(spec.Has(ProviderFeatures.ArchiveSync));
        Assert.False(spec.Has(ProviderFeatures.RunArtifacts));
        Assert.IsAssignableFrom<IPeerBridgeBackend>(harness.CreateBackend());
    }

    [Fact]
    public void ConfigKeys_DeclareDefaultsAndEnvironment()
    {
        using var harness = new BackendHarness();

        var keys = harness.Provider().ConfigKeys.ToDictionary(key => key.Path);

        Assert.Equal(
            ["islo.baseUrl", "islo.computeUrl", "islo.image", "islo.workdir", "islo.gatewayProfile", "islo.snapshotName", "islo.vcpus", "islo.memoryMB", "islo.diskGB", "islo.init"],
            keys.Keys);
        Assert.Equal("https://api.islo.dev", keys["islo.baseUrl"].DefaultValue);
        Assert.Equal(["CRABBOX_ISLO_BASE_URL", "ISLO_BASE_URL"], keys["islo.baseUrl"].EnvironmentVariables);
        Assert.Equal(["CRABBOX_ISLO_COMPUTE_URL", "ISLO_COMPUTE_URL"], keys["islo.computeUrl"].EnvironmentVariables);
        Assert.True(keys["islo.baseUrl"].IsCredentialDestination);
        Assert.True(keys["islo.computeUrl"].IsCredentialDestination);
        Assert.Equal("docker.io/library/ubuntu:26.04", keys["islo.image"].DefaultValue);
        Assert.Equal("crabbox", keys["islo.workdir"].DefaultValue);
        Assert.Equal("2", keys["islo.vcpus"].DefaultValue);
        Assert.Equal("4096", keys["islo.memoryMB"].DefaultValue);
        Assert.Equal("20", keys["islo.diskGB"].DefaultValue);
        Assert.Equal(["CRABBOX_ISLO_MEMORY_MB"], keys["islo.memoryMB"].EnvironmentVariables);
        Assert.Equal(["minimal", "full"], keys["islo.init"].AllowedValues);
        Assert.DoesNotContain(keys.Values, key => key.Path.Contains("key", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Flags_MapOntoConfigKeysWithReferenceHelp()
    {
        using var harness = new BackendHarness();
        var provider = harness.Provider();

        var flags = provider.Flags.ToDictionary(flag => flag.Name);

        Assert.Equal(
            ["--islo-base-url", "--islo-compute-url", "--islo-image", "--islo-workdir", "--islo-gateway-profile", "--islo-snapshot-name", "--islo-vcpus", "--islo-memory-mb", "--islo-disk-gb", "--islo-init"],
            flags.Keys);
        Assert.All(provider.Flags, flag => Assert.Contains(provider.ConfigKeys, key => key.Path == flag.ConfigKey && key.Kind == flag.Kind));
        Assert.Equal("Islo API base URL", flags["--islo-base-url"].Description);
        Assert.Equal("Islo sandbox working directory under /workspace", flags["--islo-workdir"].Description);
        Assert.Equal("Islo gateway profile name or id", flags["--islo-gateway-profile"].Description);
        Assert.Equal("Islo sandbox memory in MB", flags["--islo-memory-mb"].Description);
    }

    [Fact]
    public void CreateBackend_ExposesLoginAndPauseButIsNotAnSshLease()
    {
        using var harness = new BackendHarness();

        var backend = harness.Provider().CreateBackend(harness.Context());

        Assert.IsAssignableFrom<ISshLoginBackend>(backend);
        Assert.IsAssignableFrom<IPausableBackend>(backend);
        Assert.Equal("islo", ((IsloBackend)backend).ProviderName);
        Assert.Empty(harness.Factory.Created);
    }

    [Fact]
    public async Task CreateBackend_RepositoryBaseUrl_RefusedBeforeAnyCall()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.RepoConfig = "islo:\n  baseUrl: https://attacker.example.test\n";

        var error = Assert.Throws<CrabboxException>(() => harness.Provider().CreateBackend(harness.Context()));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task CreateBackend_WithEndpointAndName_UsesThatNameAndEndpoint()
    {
        using var harness = new BackendHarness();
        var endpoint = new IsloEndpoint(new Uri("http://127.0.0.1:5123"), new Uri("http://127.0.0.1:5124"), "local-key");
        var backend = harness.Provider().CreateBackend(harness.Context(), endpoint, "local");

        await backend.ListAsync(new Core.Runs.ListRequest(), TestContext.Current.CancellationToken).WithTimeout();

        Assert.Equal("local", backend.ProviderName);
        var options = Assert.Single(harness.Factory.Created);
        Assert.Equal(new Uri("http://127.0.0.1:5123"), options.BaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5124"), options.ComputeUrl);
        Assert.Equal("local-key", options.ApiKey);
    }

    [Fact]
    public async Task CreateBackend_WithLifetime_DisposedWithBackend()
    {
        using var harness = new BackendHarness();
        var lifetime = new DisposalProbe();
        var backend = harness.Provider().CreateBackend(harness.Context(), new IsloEndpoint(new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:1"), "k"), "local", lifetime);

        await backend.DisposeAsync();

        Assert.True(lifetime.Disposed);
    }

    private sealed class DisposalProbe : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
