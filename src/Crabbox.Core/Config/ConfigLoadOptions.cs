namespace Crabbox.Core.Config;

/// <summary>Inputs to <see cref="ConfigLoader.Load"/>. Nothing is read from the process itself.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary>The directory crabbox runs in; a relative <c>CRABBOX_CONFIG</c> is resolved against it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The repository root; null outside a git repository, then repository files are looked up in <see cref="WorkingDirectory"/>.</summary>
    public string? RepoRoot { get; init; }

    public required EnvironmentVariables Environment { get; init; }

    public required CrabboxPaths Paths { get; init; }

    /// <summary>Every declared key: <see cref="CoreConfigKeys.All"/> plus each provider's keys.</summary>
    public required IReadOnlyList<ConfigKey> Keys { get; init; }

    /// <summary>The flag layer, in command-line order.</summary>
    public IReadOnlyList<FlagValue> Flags { get; init; } = [];
}
