using Microsoft.Extensions.Configuration;

namespace Crabbox.Core.Config;

/// <summary>
/// One configuration layer (defaults, a file, the environment or the flags) that remembers
/// where each of its values came from. Keys are stored under their declared spelling in
/// Microsoft.Extensions.Configuration form (<c>sync:exclude</c>, list items <c>sync:exclude:0</c>);
/// lookups are case-insensitive. A list is stored only when it has at least one item.
/// </summary>
internal class ConfigLayerProvider(ConfigSourceKind kind) : ConfigurationProvider
{
    private readonly Dictionary<string, ConfigSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public ConfigSourceKind Kind { get; } = kind;

    public void SetScalar(string key, string value, ConfigSource source)
    {
        Data[ConfigKeyCatalog.ToConfigurationPath(key)] = value;
        _sources[key] = source;
    }

    /// <summary>Appends <paramref name="items"/> to the layer's list for <paramref name="key"/>.</summary>
    public void AppendList(string key, IReadOnlyList<string> items, ConfigSource source)
    {
        if (items.Count == 0)
        {
            return;
        }

        var path = ConfigKeyCatalog.ToConfigurationPath(key);
        var next = GetList(key)?.Count ?? 0;
        foreach (var item in items)
        {
            Data[$"{path}:{next++}"] = item;
        }

        _sources[key] = source;
    }

    public bool TryGetScalar(string key, out string? value) =>
        TryGet(ConfigKeyCatalog.ToConfigurationPath(key), out value);

    /// <summary>The layer's list items for <paramref name="key"/>, or null when it sets no list.</summary>
    public IReadOnlyList<string>? GetList(string key)
    {
        var path = ConfigKeyCatalog.ToConfigurationPath(key);
        List<string>? items = null;
        for (var index = 0; TryGet($"{path}:{index}", out var item); index++)
        {
            (items ??= []).Add(item ?? string.Empty);
        }

        return items;
    }

    public ConfigSource? SourceOf(string key) => _sources.GetValueOrDefault(key);

    /// <summary>Splits comma-separated list text: items trimmed, empty items dropped.</summary>
    public static List<string> SplitList(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
