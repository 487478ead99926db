using Crabbox.Core.Config;
using Crabbox.Core.Providers;
using Crabbox.Providers.Islo;

namespace Crabbox.Cli.Local;

/// <summary>
/// The embedded default: the Islo backend, unchanged, talking to an Islo-compatible emulator hosted
/// in this process on a loopback port, with sandboxes under crabbox's state dir. No account, no
/// network. The <c>islo.*</c> keys (workdir, ...) apply to it too.
/// </summary>
internal sealed class LocalProvider(IsloProvider islo) : IProvider
{
    public const string ProviderName = "local";

    public string Name => ProviderName;

    public IReadOnlyList<string> Aliases => [];

    public ProviderSpec Spec { get; } = new(
        ProviderName,
        ProviderKind.DelegatedRun,
        ProviderFeatures.RunDownloads | ProviderFeatures.PauseResume | ProviderFeatures.RunSession | ProviderFeatures.FullResync
        | ProviderFeatures.UrlBridge,
        "Sandboxes on this machine (bubblewrap, no account needed)");

    public IReadOnlyList<ConfigKey> ConfigKeys => LocalConfigKeys.All;

    public IReadOnlyList<ProviderFlag> Flags => [];

    public IDelegatedRunBackend CreateBackend(ProviderContext context) => new LocalBackend(context, islo);
}
