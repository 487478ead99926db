using Crabbox.Core.Providers;

namespace Crabbox.Cli.Services;

/// <summary>Everything <c>crabbox run</c> parsed, before validation.</summary>
internal sealed record RunInvocation
{
    public required LeaseCommandOptions Lease { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public bool Shell { get; init; }

    public bool Keep { get; init; }

    public bool KeepOnFailure { get; init; }

    public bool Reclaim { get; init; }

    public bool NoSync { get; init; }

    public bool FullResync { get; init; }

    public string? Slug { get; init; }

    public string? Pond { get; init; }

    public string? Label { get; init; }

    public bool TimingJson { get; init; }

    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Downloads { get; init; } = [];

    public IReadOnlyList<string> RequiredArtifacts { get; init; } = [];

    public IReadOnlyList<string> AllowEnv { get; init; } = [];

    /// <summary>The provider-sensitive options, checked against the provider's features.</summary>
    public RunOptionUsage Usage { get; init; } = new();
}
