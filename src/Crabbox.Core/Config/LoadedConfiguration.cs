using Microsoft.Extensions.Configuration;

namespace Crabbox.Core.Config;

/// <summary>
/// The merged and validated configuration of one invocation, with the provenance of every
/// value. Lookups are case-insensitive dotted paths. <see cref="GetString"/> of a list key
/// returns its items joined by commas; <see cref="GetList"/> of a plain key returns its value
/// as a one-element list. For an appending list, <see cref="SourceOf"/> names the highest
/// layer that contributed items.
/// </summary>
public sealed class LoadedConfiguration : ICrabboxConfiguration
{
    private readonly ConfigKeyCatalog _catalog;
    private readonly IConfigurationRoot _root;
    private readonly List<ConfigLayerProvider> _layers;

    internal LoadedConfiguration(ConfigKeyCatalog catalog, IConfigurationRoot root)
    {
        _catalog = catalog;
        _root = root;
        _layers = [.. root.Providers.Cast<ConfigLayerProvider>()];
        var files = _layers.OfType<YamlFileConfigurationProvider>().ToList();
        Files = [.. files.Where(file => file.WasRead).Select(file => file.Path)];
        Warnings = [.. files.SelectMany(file => file.Warnings)];
        ConfigValidator.Validate(catalog, _layers);
    }

    private delegate bool Parser<T>(string text, out T value);

    /// <summary>The config files that were read and not empty, lowest precedence first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Problems that did not stop loading (unknown keys); the CLI prints each as <c>warning: ...</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The same defaults, files and environment under another flag layer, validated again.
    /// Files are not read again.
    /// </summary>
    public LoadedConfiguration WithFlags(IReadOnlyList<FlagValue> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        List<IConfigurationProvider> providers = [.. _layers.Where(layer => layer.Kind != ConfigSourceKind.Flag)];
        providers.Add(ConfigLayers.Flags(_catalog, flags));
        return new LoadedConfiguration(_catalog, new ConfigurationRoot(providers));
    }

    public string? GetString(string key)
    {
        if (_catalog.Find(key) is { Kind: ConfigValueKind.StringList })
        {
            var items = GetList(key);
            return items.Count > 0 ? string.Join(',', items) : null;
        }

        return _root[ConfigKeyCatalog.ToConfigurationPath(key)];
    }

    public long? GetInt64(string key) => Parse<long>(key, ConfigValueKind.Number, ConfigValueParser.TryParseNumber);

    public bool? GetBoolean(string key) => Parse<bool>(key, ConfigValueKind.Boolean, ConfigValueParser.TryParseBoolean);

    public TimeSpan? GetDuration(string key) =>
        Parse<TimeSpan>(key, ConfigValueKind.Duration, ConfigValueParser.TryParseDuration);

    public long? GetByteSize(string key) => Parse<long>(key, ConfigValueKind.ByteSize, ConfigValueParser.TryParseByteSize);

    public IReadOnlyList<string> GetList(string key)
    {
        if (_catalog.Find(key) is { Kind: ConfigValueKind.StringList, AppendAcrossLayers: true })
        {
            return [.. _layers.SelectMany(layer => layer.GetList(key) ?? [])];
        }

        for (var index = _layers.Count - 1; index >= 0; index--)
        {
            if (_layers[index].GetList(key) is { } items)
            {
                return items;
            }

            if (_layers[index].TryGetScalar(key, out var value) && value is not null)
            {
                return [value];
            }
        }

        return [];
    }

    public ConfigSource? SourceOf(string key)
    {
        for (var index = _layers.Count - 1; index >= 0; index--)
        {
            if (_layers[index].SourceOf(key) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    public bool IsExplicit(string key) =>
        _layers.Any(layer => layer.Kind != ConfigSourceKind.Default && layer.SourceOf(key) is not null);

    private T? Parse<T>(string key, ConfigValueKind kind, Parser<T> parser)
        where T : struct
    {
        var text = GetString(key);
        if (text is null)
        {
            return null;
        }

        if (parser(text, out var value))
        {
            return value;
        }

        var name = _catalog.Find(key)?.Path ?? key;
        var source = SourceOf(key) ?? ConfigSource.Default;
        throw ConfigErrors.InvalidValue(text, name, source, ConfigValueParser.Expectation(kind));
    }
}
