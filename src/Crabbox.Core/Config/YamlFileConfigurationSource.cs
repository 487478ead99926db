using Microsoft.Extensions.Configuration;

namespace Crabbox.Core.Config;

/// <summary>A crabbox YAML config file as a configuration source.</summary>
/// <param name="Source">The file's layer and path; the path is named in messages.</param>
/// <param name="Catalog">The declared keys, to tell known keys from unknown ones.</param>
internal sealed record YamlFileConfigurationSource(ConfigSource Source, ConfigKeyCatalog Catalog) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlFileConfigurationProvider(Source, Catalog);
}
