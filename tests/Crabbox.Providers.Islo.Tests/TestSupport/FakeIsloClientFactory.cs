using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Hands out one <see cref="FakeIsloClient"/> and remembers the options it was asked for.</summary>
internal sealed class FakeIsloClientFactory(FakeIsloClient client) : IIsloClientFactory
{
    public List<IsloClientOptions> Created { get; } = [];

    public IIsloClient Create(IsloClientOptions options)
    {
        Created.Add(options);
        return client;
    }
}
