using Crabbox.Providers.Islo.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloClientFactoryTests
{
    [Fact]
    public void AddIsloClient_Resolved_CreatesIsloClients()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        IsloClientFactory.AddIsloClient(services);
        using var provider = services.BuildServiceProvider();
        var options = new IsloClientOptions { BaseUrl = IsloClientOptions.DefaultBaseUrl, ApiKey = "ak_factory_key" };

        var client = provider.GetRequiredService<IIsloClientFactory>().Create(options);

        Assert.IsType<IsloClient>(client);
    }

    [Fact]
    public void CreateHandler_Default_NeverFollowsRedirects()
    {
        using var handler = IsloHttpClients.CreateHandler();

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);

        Assert.False(sockets.AllowAutoRedirect);
    }

    [Fact]
    public void Create_StandAlone_HasNoOverallTimeout()
    {
        using var client = IsloHttpClients.Create();

        var timeout = client.Timeout;

        Assert.Equal(Timeout.InfiniteTimeSpan, timeout);
    }
}
