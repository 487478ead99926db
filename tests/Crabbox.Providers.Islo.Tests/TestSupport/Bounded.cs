namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Every await in these tests is bounded, so a hang fails instead of stalling the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task WithTimeout(this Task task) =>
        task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public static Task<T> WithTimeout<T>(this Task<T> task) =>
        task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public static Task<T> WithTimeout<T>(this ValueTask<T> task) => task.AsTask().WithTimeout();
}
