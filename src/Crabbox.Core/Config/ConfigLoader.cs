using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace Crabbox.Core.Config;

/// <summary>
/// Loads the layered configuration: compiled defaults &lt; user file &lt; <c>crabbox.yaml</c>
/// &lt; <c>.crabbox.yaml</c> (at the repository root) &lt; environment &lt; flags, where
/// <c>CRABBOX_CONFIG</c> replaces the three files with the one it names. Stateless.
/// </summary>
public sealed class ConfigLoader
{
    /// <summary>
    /// Reads the files and validates every declared key. Throws <see cref="CrabboxException"/>
    /// with exit code 2 for an unreadable file, a YAML error or an invalid value.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API so the CLI can inject it")]
    public LoadedConfiguration Load(ConfigLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = new ConfigKeyCatalog(options.Keys);
        var builder = new ConfigurationBuilder();
        builder.Add(new ConfigLayerSource(ConfigLayers.Defaults(catalog)));
        foreach (var file in ConfigFileLocator.Find(options))
        {
            builder.Add(new YamlFileConfigurationSource(file, catalog));
        }

        builder.Add(new ConfigLayerSource(ConfigLayers.Environment(catalog, options.Environment)));
        builder.Add(new ConfigLayerSource(ConfigLayers.Flags(catalog, options.Flags)));
        return new LoadedConfiguration(catalog, builder.Build());
    }
}
