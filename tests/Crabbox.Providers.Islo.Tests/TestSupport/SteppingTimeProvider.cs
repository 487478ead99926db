namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// A virtual clock for polling code. A timer due within <see cref="StepLimit"/> (poll delays)
/// fires at once and moves the clock to its due time; longer timers (cleanup and sync deadlines)
/// fire only once the clock has passed them. Timestamps follow the same clock, so measured
/// durations are exactly the simulated waits.
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<SteppingTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);

    public TimeSpan StepLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The delays that were stepped over, in order.</summary>
    public List<TimeSpan> Steps { get; } = [];

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Arm(SteppingTimer timer, TimeSpan dueTime)
    {
        List<SteppingTimer> due;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (dueTime > StepLimit)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
                return;
            }

            Steps.Add(dueTime);
            _now += dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
            due = [.. _timers.Where(other => other.DueAt <= _now)];
            _timers.RemoveAll(due.Contains);
        }

        foreach (var other in due)
        {
            ThreadPool.QueueUserWorkItem(_ => other.Fire());
        }

        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    private void Disarm(SteppingTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class SteppingTimer(SteppingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Arm(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
