using Xunit;
namespace Crabbox.Testing;

/// <summary>Bounds for awaits in tests, so a hang fails instead of stalling the run.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    public static Task<T> WithTimeout<T>(this Task<T> task) =>
        task.WaitAsync(Default, TestContext.Current.CancellationToken);

    public static Task WithTimeout(this Task task) =>
        task.WaitAsync(Default, TestContext.Current.CancellationToken);
}
