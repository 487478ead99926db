namespace Crabbox.Core.Config;

/// <summary>
/// The merged, validated configuration: defaults &lt; user file &lt; crabbox.yaml &lt; .crabbox.yaml
/// &lt; environment &lt; flags (or only <c>CRABBOX_CONFIG</c> in place of the files).
/// Keys are dotted camelCase paths (<c>sync.warnFiles</c>). Typed getters throw a
/// <see cref="CrabboxException"/> with exit code 2 naming the key and its source when a value
/// does not parse; loading already validates every known key, so that only happens for keys
/// read without a declaration.
/// </summary>
public interface ICrabboxConfiguration
{
    /// <summary>The effective value as text, or null when no layer (not even a default) sets it.</summary>
    string? GetString(string key);

    long? GetInt64(string key);

    bool? GetBoolean(string key);

    TimeSpan? GetDuration(string key);

    /// <summary>A byte count (plain integer or with a unit such as <c>5GiB</c>).</summary>
    long? GetByteSize(string key);

    /// <summary>The list value: appended across layers, or the highest layer's list for replacing keys.</summary>
    IReadOnlyList<string> GetList(string key);

    /// <summary>Where the effective value came from; null when unset.</summary>
    ConfigSource? SourceOf(string key);

    /// <summary>True when a layer other than the compiled defaults sets the key (an "explicit" value).</summary>
    bool IsExplicit(string key);
}
