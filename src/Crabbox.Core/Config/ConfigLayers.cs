namespace Crabbox.Core.Config;

/// <summary>Builds the in-memory layers: compiled defaults, environment variables and flags.</summary>
internal static class ConfigLayers
{
    public static ConfigLayerProvider Defaults(ConfigKeyCatalog catalog)
    {
        var layer = new ConfigLayerProvider(ConfigSourceKind.Default);
        foreach (var key in catalog.Keys)
        {
            if (key.DefaultValue is not null)
            {
                Set(layer, key, key.DefaultValue, ConfigSource.Default);
            }
        }

        return layer;
    }

    /// <summary>For each key, the first non-empty of its variables (empty values count as unset).</summary>
    public static ConfigLayerProvider Environment(ConfigKeyCatalog catalog, EnvironmentVariables environment)
    {
        var layer = new ConfigLayerProvider(ConfigSourceKind.Environment);
        foreach (var key in catalog.Keys)
        {
            if (environment.FirstNonEmpty([.. key.EnvironmentVariables]) is var (name, value))
            {
                Set(layer, key, value, new ConfigSource(ConfigSourceKind.Environment, name));
            }
        }

        return layer;
    }

    /// <summary>
    /// Scalar flags: the last occurrence wins. List flags: occurrences append in order. A flag
    /// for an undeclared key is kept as text (it is not validated).
    /// </summary>
    public static ConfigLayerProvider Flags(ConfigKeyCatalog catalog, IReadOnlyList<FlagValue> flags)
    {
        var layer = new ConfigLayerProvider(ConfigSourceKind.Flag);
        foreach (var flag in flags)
        {
            var source = new ConfigSource(ConfigSourceKind.Flag, flag.FlagName);
            if (catalog.Find(flag.Key) is { } key)
            {
                Set(layer, key, flag.Value, source);
            }
            else
            {
                layer.SetScalar(flag.Key, flag.Value, source);
            }
        }

        return layer;
    }

    private static void Set(ConfigLayerProvider layer, ConfigKey key, string value, ConfigSource source)
    {
        if (key.Kind == ConfigValueKind.StringList)
        {
            layer.AppendList(key.Path, ConfigLayerProvider.SplitList(value), source);
        }
        else
        {
            layer.SetScalar(key.Path, value, source);
        }
    }
}
