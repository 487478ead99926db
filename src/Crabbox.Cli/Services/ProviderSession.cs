using Crabbox.Core.Config;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;

namespace Crabbox.Cli.Services;

/// <summary>
/// A selected provider with its configuration, for one command. The backend is built on first
/// use, so option checks that must happen before any provider work can run first.
/// </summary>
internal sealed class ProviderSession(IProvider provider, LoadedConfiguration configuration, RepositoryInfo? repo, ProviderContext context)
    : IAsyncDisposable
{
    private IDelegatedRunBackend? _backend;

    public IProvider Provider => provider;

    public LoadedConfiguration Configuration => configuration;

    public RepositoryInfo? Repo => repo;

    public IDelegatedRunBackend Backend => _backend ??= provider.CreateBackend(context);

    public async ValueTask DisposeAsync()
    {
        switch (_backend)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
