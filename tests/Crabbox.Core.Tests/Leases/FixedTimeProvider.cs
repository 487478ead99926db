namespace Crabbox.Core.Tests.Leases;

/// <summary>A clock that says what the test sets; timers and timestamps stay real.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
