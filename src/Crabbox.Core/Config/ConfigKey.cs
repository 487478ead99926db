namespace Crabbox.Core.Config;

/// <summary>
/// A known configuration key. <see cref="Path"/> is the dotted camelCase YAML path
/// (<c>sync.exclude</c>, <c>islo.baseUrl</c>); messages name keys this way.
/// Core declares its own keys; each provider declares the keys of its section.
/// </summary>
public sealed record ConfigKey(string Path, ConfigValueKind Kind, string Description)
{
    /// <summary>The compiled default, as text in the key's syntax; null when there is none.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Environment variables that set this key, highest priority first (first non-empty wins).</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = [];

    /// <summary>Allowed values for a string key (case-insensitive); empty means any value.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>
    /// For <see cref="ConfigValueKind.StringList"/>: true when layers append (e.g. <c>sync.exclude</c>),
    /// false when a later layer replaces the list (e.g. <c>env.allow</c>).
    /// </summary>
    public bool AppendAcrossLayers { get; init; } = true;

    /// <summary>True for credential destinations (base URLs) that repository files may not redirect.</summary>
    public bool IsCredentialDestination { get; init; }
}
