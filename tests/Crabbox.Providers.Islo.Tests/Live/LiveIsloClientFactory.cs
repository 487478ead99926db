using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Live;

/// <summary>Real <see cref="IsloClient"/>s over one stand-alone HttpClient, for the opt-in live tests.</summary>
internal sealed class LiveIsloClientFactory(HttpClient http) : IIsloClientFactory
{
    public IIsloClient Create(IsloClientOptions options) => new IsloClient(http, options, TimeProvider.System);
}
