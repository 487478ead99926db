namespace Crabbox.Core.Config;

/// <summary>
/// The declared keys, looked up case-insensitively by dotted path, and the sections they live
/// in (<c>sync</c>, <c>islo</c>): a file key is known when it is declared or is a section on the
/// way to a declared key.
/// </summary>
internal sealed class ConfigKeyCatalog
{
    private readonly Dictionary<string, ConfigKey> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ConfigKey> _ordered = [];

    public ConfigKeyCatalog(IEnumerable<ConfigKey> keys)
    {
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Path, key))
            {
                throw new ArgumentException($"config key \"{key.Path}\" is declared twice", nameof(keys));
            }

            _ordered.Add(key);
            for (var dot = key.Path.IndexOf('.'); dot > 0; dot = key.Path.IndexOf('.', dot + 1))
            {
                _sections.TryAdd(key.Path[..dot], key.Path[..dot]);
            }
        }

        var clash = _sections.Keys.FirstOrDefault(_keys.ContainsKey);
        if (clash is not null)
        {
            throw new ArgumentException($"config key \"{clash}\" is also a section of other keys", nameof(keys));
        }
    }

    /// <summary>The declared keys in declaration order.</summary>
    public IReadOnlyList<ConfigKey> Keys => _ordered;

    public ConfigKey? Find(string path) => _keys.GetValueOrDefault(path);

    /// <summary>The declared spelling of section <paramref name="path"/>, or null when no key lives under it.</summary>
    public string? FindSection(string path) => _sections.GetValueOrDefault(path);

    /// <summary>The key path as Microsoft.Extensions.Configuration spells it (<c>sync:exclude</c>).</summary>
    public static string ToConfigurationPath(string dottedPath) => dottedPath.Replace('.', ':');
}
