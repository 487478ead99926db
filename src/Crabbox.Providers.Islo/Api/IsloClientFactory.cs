using Microsoft.Extensions.DependencyInjection;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Creates <see cref="IsloClient"/>s on the named <see cref="IsloHttpClients.Name"/> HttpClient.
/// Register both with <see cref="AddIsloClient"/>.
/// </summary>
internal sealed class IsloClientFactory(IHttpClientFactory httpClientFactory, TimeProvider timeProvider) : IIsloClientFactory
{
    public IIsloClient Create(IsloClientOptions options) =>
        new IsloClient(httpClientFactory.CreateClient(IsloHttpClients.Name), options, timeProvider);

    /// <summary>
    /// Registers the named HttpClient (redirects off, no overall timeout) and this factory.
    /// Expects a <see cref="TimeProvider"/> registration (the composition root adds <see cref="TimeProvider.System"/>).
    /// </summary>
    public static IServiceCollection AddIsloClient(IServiceCollection services)
    {
        services.AddHttpClient(IsloHttpClients.Name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(IsloHttpClients.CreateHandler);
        services.AddSingleton<IIsloClientFactory, IsloClientFactory>();
        return services;
    }
}
