using Crabbox.Core.Providers;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Crabbox.Providers.Islo.Tests;

public sealed class IsloServicesTests
{
    [Fact]
    public void AddIsloProvider_Resolved_OneInstanceAsProviderAndAsItself()
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ISyncManifestBuilder>(new GitSyncManifestBuilder(Core.EnvironmentVariables.Empty))
            .AddSingleton<ISyncArchiveWriter, TarGzSyncArchiveWriter>();

        services.AddIsloProvider();
        using var provider = services.BuildServiceProvider();

        var islo = provider.GetRequiredService<IsloProvider>();
        Assert.Same(islo, Assert.Single(provider.GetServices<IProvider>()));
        Assert.Equal("islo", islo.Name);
    }
}
