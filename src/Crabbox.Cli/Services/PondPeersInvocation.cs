namespace Crabbox.Cli.Services;

/// <summary>Everything <c>crabbox pond peers</c> parsed, before validation.</summary>
internal sealed record PondPeersInvocation
{
    public static readonly TimeSpan DefaultShareTtl = TimeSpan.FromHours(24);

    public string? Pond { get; init; }

    /// <summary>The port to publish; null lists the published URLs instead.</summary>
    public int? SharePort { get; init; }

    public TimeSpan ShareTtl { get; init; } = DefaultShareTtl;

    public bool Json { get; init; }
}
