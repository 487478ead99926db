namespace Crabbox.Core.Runs;

/// <summary><c>crabbox status</c>: look a lease up, optionally waiting until it is ready.</summary>
public sealed record StatusRequest
{
    public required string Id { get; init; }

    public bool Wait { get; init; }

    /// <summary>Bound for <see cref="Wait"/>; default 5 minutes.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
