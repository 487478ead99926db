using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Hands out one real <see cref="IsloClient"/> of an <see cref="IsloApiHarness"/>, so backend tests see the wire.</summary>
internal sealed class HarnessClientFactory(IsloApiHarness api) : IIsloClientFactory
{
    private IsloClient? _client;

    public IIsloClient Create(IsloClientOptions options) => _client ??= api.CreateClient();
}
