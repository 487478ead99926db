namespace Crabbox.Core.Providers;

/// <summary>
/// The registered providers, looked up by canonical name or alias (trimmed, case-insensitive).
/// Core never names a provider: the composition root registers them.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IProvider> _byName = new(StringComparer.Ordinal);
    private readonly List<IProvider> _providers = [];

    public ProviderRegistry(IEnumerable<IProvider> providers)
    {
        foreach (var provider in providers)
        {
            Register(provider);
        }
    }

    /// <summary>Distinct providers sorted by canonical name.</summary>
    public IReadOnlyList<IProvider> Providers => _providers;

    /// <summary>Canonical names, sorted, for help text and error messages.</summary>
    public IReadOnlyList<string> Names => [.. _providers.Select(p => p.Name)];

    public IProvider? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return _byName.GetValueOrDefault(Normalize(name));
    }

    /// <summary>The provider called <paramref name="name"/>, or exit 2 naming the known providers.</summary>
    public IProvider Get(string name) =>
        Find(name) ?? throw CrabboxException.Usage(
            $"unknown provider \"{name.Trim()}\"; known providers: {string.Join(", ", Names)}");

    private void Register(IProvider provider)
    {
        foreach (var key in provider.Aliases.Prepend(provider.Name).Select(Normalize))
        {
            if (key.Length == 0 || !_byName.TryAdd(key, provider))
            {
                throw new InvalidOperationException($"provider name \"{key}\" is empty or registered twice");
            }
        }

        _providers.Add(provider);
        _providers.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
