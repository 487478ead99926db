using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>The timed phases of one sync, in the order they are added, for <c>--timing-json</c> <c>syncPhases</c>.</summary>
internal sealed class IsloSyncPhases(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<TimingPhase> _phases = [];

    public IReadOnlyList<TimingPhase> Phases
    {
        get
        {
            lock (_gate)
            {
                return [.. _phases];
            }
        }
    }

    public void Add(string name, TimeSpan elapsed)
    {
        var phase = new TimingPhase { Name = name, Ms = (long)Math.Round(elapsed.TotalMilliseconds, MidpointRounding.AwayFromZero) };
        lock (_gate)
        {
            _phases.Add(phase);
        }
    }

    public async Task TimeAsync(string name, Func<Task> step)
    {
        var started = time.GetTimestamp();
        await step();
        Add(name, time.GetElapsedTime(started));
    }

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        var started = time.GetTimestamp();
        var result = await step();
        Add(name, time.GetElapsedTime(started));
        return result;
    }

    public T Time<T>(string name, Func<T> step)
    {
        var started = time.GetTimestamp();
        var result = step();
        Add(name, time.GetElapsedTime(started));
        return result;
    }
}
