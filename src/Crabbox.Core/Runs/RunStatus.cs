namespace Crabbox.Core.Runs;

/// <summary>How a run ended; serialized as <c>succeeded</c>, <c>failed</c>, <c>timed-out</c>, <c>canceled</c>.</summary>
public enum RunStatus
{
    Succeeded,
    Failed,
    TimedOut,
    Canceled,
}
