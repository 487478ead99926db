using System.Collections;

namespace Crabbox.Core;

/// <summary>
/// An immutable snapshot of environment variables. Services read the environment through this
/// instead of <see cref="Environment"/> so tests can run in parallel with their own values.
/// Empty values are treated as unset, matching the reference's "first non-empty wins" rule.
/// </summary>
public sealed class EnvironmentVariables(IReadOnlyDictionary<string, string> values)
    : IEnumerable<KeyValuePair<string, string>>
{
    private readonly IReadOnlyDictionary<string, string> _values = values;

    public static EnvironmentVariables Empty { get; } = new(new Dictionary<string, string>());

    public static EnvironmentVariables FromProcess()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                values[key] = value;
            }
        }

        return new EnvironmentVariables(values);
    }

    /// <summary>The value of <paramref name="name"/>, or null when unset or empty.</summary>
    public string? Get(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The first non-empty value among <paramref name="names"/>, with the name it came from.</summary>
    public (string Name, string Value)? FirstNonEmpty(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var value = Get(name);
            if (value is not null)
            {
                return (name, value);
            }
        }

        return null;
    }

    public EnvironmentVariables With(string name, string? value)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        if (value is null)
        {
            copy.Remove(name);
        }
        else
        {
            copy[name] = value;
        }

        return new EnvironmentVariables(copy);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
