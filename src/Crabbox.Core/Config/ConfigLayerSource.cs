using Microsoft.Extensions.Configuration;

namespace Crabbox.Core.Config;

/// <summary>Adds an already built in-memory layer (defaults, environment, flags) to a configuration builder.</summary>
internal sealed class ConfigLayerSource(ConfigLayerProvider layer) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => layer;
}
