using Crabbox.Core.Config;

namespace Crabbox.Cli.Services;

/// <summary>What every lease command passes to its service: the flag layer (including <c>--provider</c>) and the lease id, if any.</summary>
internal sealed record LeaseCommandOptions
{
    public IReadOnlyList<FlagValue> Flags { get; init; } = [];

    public string? LeaseId { get; init; }
}
