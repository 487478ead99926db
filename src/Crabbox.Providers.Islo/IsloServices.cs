using Crabbox.Core.Providers;
using Crabbox.Providers.Islo.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Crabbox.Providers.Islo;

/// <summary>Registers the Islo provider for the composition root.</summary>
internal static class IsloServices
{
    /// <summary>
    /// Adds the Islo HTTP client factory, <see cref="IsloProvider"/> (injectable as itself, e.g. by the
    /// <c>local</c> provider) and the same instance as an <see cref="IProvider"/>. Expects
    /// <see cref="TimeProvider"/>, <see cref="Core.Repo.ISyncManifestBuilder"/> and
    /// <see cref="Core.Sync.ISyncArchiveWriter"/> registrations.
    /// </summary>
    public static IServiceCollection AddIsloProvider(this IServiceCollection services)
    {
        IsloClientFactory.AddIsloClient(services);
        services.AddSingleton<IsloProvider>();
        services.AddSingleton<IProvider>(provider => provider.GetRequiredService<IsloProvider>());
        return services;
    }
}
