namespace Crabbox.Core.Runs;

/// <summary>
/// How a run ended, as the reference classifies it: a deadline is <c>timed-out</c>/<c>timeout</c>,
/// cancellation <c>canceled</c>/<c>canceled</c>, a non-zero exit <c>failed</c>/<c>command-exit</c>,
/// any other error <c>failed</c>/<c>provider-error</c>, else <c>succeeded</c> with no error kind.
/// </summary>
public sealed record RunOutcome(RunStatus Status, RunErrorKind ErrorKind)
{
    /// <summary>Classifies an exit code and the exception (if any) that ended the run.</summary>
    public static RunOutcome Derive(int exitCode, Exception? error = null)
    {
        if (IsTimeout(error))
        {
            return new RunOutcome(RunStatus.TimedOut, RunErrorKind.Timeout);
        }

        if (error is OperationCanceledException)
        {
            return new RunOutcome(RunStatus.Canceled, RunErrorKind.Canceled);
        }

        if (exitCode != 0)
        {
            return new RunOutcome(RunStatus.Failed, RunErrorKind.CommandExit);
        }

        return error is null
            ? new RunOutcome(RunStatus.Succeeded, RunErrorKind.None)
            : new RunOutcome(RunStatus.Failed, RunErrorKind.ProviderError);
    }

    /// <summary><c>succeeded</c>, <c>failed</c>, <c>timed-out</c> or <c>canceled</c>.</summary>
    public static string ToText(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.TimedOut => "timed-out",
        RunStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary><c>command-exit</c>, <c>timeout</c>, <c>canceled</c>, <c>provider-error</c>; null for <see cref="RunErrorKind.None"/>.</summary>
    public static string? ToText(RunErrorKind kind) => kind switch
    {
        RunErrorKind.None => null,
        RunErrorKind.CommandExit => "command-exit",
        RunErrorKind.Timeout => "timeout",
        RunErrorKind.Canceled => "canceled",
        RunErrorKind.ProviderError => "provider-error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // A deadline surfaces either as TimeoutException or as a cancellation caused by one
    // (HttpClient.Timeout, CancellationTokenSource.CancelAfter wrapped by callers).
    private static bool IsTimeout(Exception? error) =>
        error is TimeoutException || (error is OperationCanceledException { InnerException: TimeoutException });
}
