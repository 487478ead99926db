namespace Crabbox.Core.Runs;

/// <summary><c>crabbox list</c>.</summary>
public sealed record ListRequest
{
    /// <summary>Include sandboxes crabbox did not create, where the provider can.</summary>
    public bool All { get; init; }

    public bool Refresh { get; init; }

    /// <summary>Only leases in this (normalized) pond.</summary>
    public string? Pond { get; init; }
}
