using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;
using Crabbox.Islo.Emulator;
using Crabbox.Providers.Islo;

namespace Crabbox.Cli.Local;

/// <summary>
/// Starts the emulator on first use (so option errors never pay for it) and forwards every
/// operation to an <see cref="IsloBackend"/> pointed at it. Disposing stops the emulator; the
/// sandboxes' state stays on disk for later crabbox processes.
/// </summary>
internal sealed class LocalBackend(ProviderContext context, IsloProvider islo)
    : IDelegatedRunBackend, IPausableBackend, IPeerBridgeBackend, IAsyncDisposable
{
    private IsloBackend? _backend;

    public async Task WarmupAsync(WarmupRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).WarmupAsync(request, cancellationToken);

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).RunAsync(request, cancellationToken);

    public async Task<IReadOnlyList<LeaseView>> ListAsync(ListRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).ListAsync(request, cancellationToken);

    public async Task<StatusView> StatusAsync(StatusRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).StatusAsync(request, cancellationToken);

    public async Task StopAsync(LeaseRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).StopAsync(request, cancellationToken);

    public async Task PauseAsync(LeaseRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).PauseAsync(request, cancellationToken);

    public async Task ResumeAsync(LeaseRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).ResumeAsync(request, cancellationToken);

    public async Task<PeerTarget> PublishPeerAsync(PeerPublishRequest request, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).PublishPeerAsync(request, cancellationToken);

    public async Task<IReadOnlyList<PeerTarget>> ListPeerTargetsAsync(string leaseId, CancellationToken cancellationToken) =>
        await (await StartAsync(cancellationToken)).ListPeerTargetsAsync(leaseId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // The Islo backend owns the emulator host (its lifetime) and stops it when disposed.
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    private async Task<IsloBackend> StartAsync(CancellationToken cancellationToken)
    {
        if (_backend is not null)
        {
            return _backend;
        }

        var isolation = context.Config.GetString(LocalConfigKeys.Isolation) switch
        {
            "bubblewrap" => SandboxIsolation.Bubblewrap,
            "host" => SandboxIsolation.Host,
            _ => SandboxIsolation.Auto,
        };
        if (isolation == SandboxIsolation.Host && context.Config.SourceOf(LocalConfigKeys.Isolation) is { IsTrusted: false } source)
        {
            // A repository must not be able to switch off the sandbox its own commands run in.
            throw Core.CrabboxException.Usage(
                $"provider=local refuses local.isolation: host from {source}; set CRABBOX_LOCAL_ISOLATION=host or put it in your user config to run without isolation");
        }

        IsloEmulatorHost host;
        try
        {
            host = await IsloEmulatorHost.StartAsync(
                new IsloEmulatorOptions { StateDirectory = context.Paths.LocalProviderDirectory, Isolation = isolation },
                cancellationToken);
        }
        catch (InvalidOperationException error)
        {
            throw Core.CrabboxException.Usage($"provider=local: {error.Message}");
        }

        if (host.IsolationWarning is { } warning)
        {
            await context.Console.Error.WriteLineAsync(warning);
        }

        var endpoint = new IsloEndpoint(host.BaseUrl, host.BaseUrl, host.ApiKey);
        _backend = islo.CreateBackend(context, endpoint, LocalProvider.ProviderName, lifetime: host);
        return _backend;
    }
}
