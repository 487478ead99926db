namespace Crabbox.Core.Config;

/// <summary>
/// Checks every declared key once all layers are in place: the effective value of a plain key,
/// the highest list of a replacing list, and every layer's items of an appending list.
/// A bad value is exit 2 naming the key, the value and where it came from.
/// </summary>
internal static class ConfigValidator
{
    public static void Validate(ConfigKeyCatalog catalog, IReadOnlyList<ConfigLayerProvider> layers)
    {
        foreach (var key in catalog.Keys)
        {
            if (key.Kind == ConfigValueKind.StringList)
            {
                ValidateList(key, layers);
            }
            else
            {
                ValidateScalar(key, layers);
            }
        }
    }

    private static void ValidateScalar(ConfigKey key, IReadOnlyList<ConfigLayerProvider> layers)
    {
        for (var index = layers.Count - 1; index >= 0; index--)
        {
            if (layers[index].TryGetScalar(key.Path, out var value) && value is not null)
            {
                Check(key, value, layers[index]);
                return;
            }
        }
    }

    private static void ValidateList(ConfigKey key, IReadOnlyList<ConfigLayerProvider> layers)
    {
        for (var index = layers.Count - 1; index >= 0; index--)
        {
            if (layers[index].GetList(key.Path) is not { } items)
            {
                continue;
            }

            foreach (var item in items)
            {
                Check(key, item, layers[index]);
            }

            if (!key.AppendAcrossLayers)
            {
                return;
            }
        }
    }

    private static void Check(ConfigKey key, string value, ConfigLayerProvider layer)
    {
        if (ConfigValueParser.Problem(key, value) is { } problem)
        {
            var source = layer.SourceOf(key.Path) ?? new ConfigSource(layer.Kind, string.Empty);
            throw ConfigErrors.InvalidValue(value, key.Path, source, problem);
        }
    }
}
