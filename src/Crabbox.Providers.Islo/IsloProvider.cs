using Crabbox.Core.Config;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>
/// The <c>islo</c> provider: sandboxes on the hosted Islo API. Cheap to construct (every command
/// builds it for help text); configuration is read only when <see cref="CreateBackend(ProviderContext)"/> runs.
/// </summary>
internal sealed class IsloProvider(IIsloClientFactory clients, ISyncManifestBuilder manifests, ISyncArchiveWriter archives) : IProvider
{
    public const string ProviderName = "islo";

    public const ProviderFeatures SupportedFeatures =
        ProviderFeatures.Ssh | ProviderFeatures.RunDownloads | ProviderFeatures.PauseResume | ProviderFeatures.RunSession | ProviderFeatures.FullResync
        | ProviderFeatures.UrlBridge;

    public string Name => ProviderName;

    public IReadOnlyList<string> Aliases => [];

    public ProviderSpec Spec { get; } = new(
        ProviderName, ProviderKind.DelegatedRun, SupportedFeatures, "Islo sandboxes (islo.dev); needs ISLO_API_KEY");

    public IReadOnlyList<ConfigKey> ConfigKeys => IsloConfigKeys.All;

    public IReadOnlyList<ProviderFlag> Flags => IsloProviderFlags.All;

    /// <summary>Resolves the endpoint from <c>islo.*</c> and the environment (exit 2 for a repository-chosen URL while a key is set).</summary>
    public IDelegatedRunBackend CreateBackend(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = IsloEndpointResolver.Resolve(context.Config, context.Environment, ProviderName);
        return CreateBackend(context, endpoint, ProviderName);
    }

    /// <summary>
    /// The same backend against any Islo-compatible endpoint, shown to users as
    /// <paramref name="providerName"/> (messages, hints, claims, summaries). The <c>local</c> provider
    /// calls this with its in-process emulator's endpoint. <paramref name="lifetime"/>, if given, is
    /// disposed with the backend (the CLI disposes the backend when the command ends).
    /// </summary>
    public IsloBackend CreateBackend(ProviderContext context, IsloEndpoint endpoint, string providerName, IAsyncDisposable? lifetime = null) =>
        new(context, endpoint, providerName, clients, manifests, archives, lifetime: lifetime);
}
