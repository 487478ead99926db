using Crabbox.Islo.Emulator;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.Live;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Emulator;

/// <summary>
/// A <see cref="BackendHarness"/> whose backend talks to a real <see cref="IsloEmulatorHost"/>
/// (bubblewrap isolation required) through the real <see cref="IsloClient"/>.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private readonly TempDirectory _state;
    private readonly HttpClient _http = IsloHttpClients.Create();

    private EmulatorSession(BackendHarness harness, IsloEmulatorHost host, TempDirectory state)
    {
        Harness = harness;
        Host = host;
        _state = state;
        harness.Time = TimeProvider.System;
        harness.ClientFactory = new LiveIsloClientFactory(_http);
    }

    public BackendHarness Harness { get; }

    public IsloEmulatorHost Host { get; }

    public IsloEndpoint Endpoint => new(Host.BaseUrl, Host.BaseUrl, Host.ApiKey);

    /// <summary>The host folder behind <paramref name="sandbox"/>'s <c>/workspace/&lt;workdir&gt;</c>.</summary>
    public string WorkspaceOf(string sandbox, string workdir = "crabbox") => Path.Combine(_state.Path, "sandboxes", sandbox, "workspace", workdir);

    public static async Task<EmulatorSession> StartAsync(EmulatorFaults? faults = null)
    {
        var harness = await BackendHarness.WithRepoAsync();
        var state = new TempDirectory("crabbox-islo-emulator");
        var host = await IsloEmulatorHost.StartAsync(
            new IsloEmulatorOptions { StateDirectory = state.Path, Isolation = SandboxIsolation.Bubblewrap, Faults = faults ?? new EmulatorFaults() },
            TestContext.Current.CancellationToken);
        return new EmulatorSession(harness, host, state);
    }

    public IsloBackend CreateBackend() => Harness.CreateBackend("islo", Endpoint);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _http.Dispose();
        Harness.Dispose();
        _state.Dispose();
    }
}
