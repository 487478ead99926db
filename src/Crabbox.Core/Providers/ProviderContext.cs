using Crabbox.Core.Config;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;

namespace Crabbox.Core.Providers;

/// <summary>Per-invocation inputs a provider needs to build a backend.</summary>
public sealed record ProviderContext
{
    /// <summary>The merged configuration, including this invocation's flag layer.</summary>
    public required ICrabboxConfiguration Config { get; init; }

    public required IConsole Console { get; init; }

    public required EnvironmentVariables Environment { get; init; }

    public required CrabboxPaths Paths { get; init; }

    public required IClaimStore Claims { get; init; }

    public required TimeProvider Time { get; init; }

    public required string WorkingDirectory { get; init; }
}
