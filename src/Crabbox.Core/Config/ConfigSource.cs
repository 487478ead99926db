namespace Crabbox.Core.Config;

/// <summary>
/// The origin of one configuration value: its layer and the file path, variable or flag name.
/// Repository files are untrusted: a provider must not send inherited credentials to a
/// destination that only a repository file chose.
/// </summary>
/// <param name="Kind">The layer.</param>
/// <param name="Name">The file path, environment variable or flag (with dashes); empty for defaults.</param>
public sealed record ConfigSource(ConfigSourceKind Kind, string Name)
{
    public static ConfigSource Default { get; } = new(ConfigSourceKind.Default, string.Empty);

    /// <summary>False only for repository files.</summary>
    public bool IsTrusted => Kind != ConfigSourceKind.RepoFile;

    /// <summary>Human text for messages: <c>file /repo/crabbox.yaml</c>, <c>environment variable CRABBOX_X</c>, <c>flag --x</c>, <c>default</c>.</summary>
    public override string ToString() => Kind switch
    {
        ConfigSourceKind.Default => "default",
        ConfigSourceKind.Environment => $"environment variable {Name}",
        ConfigSourceKind.Flag => $"flag {Name}",
        _ => $"file {Name}",
    };
}
