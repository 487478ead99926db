namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>Every await in these tests is bounded: by the test's token and by a hard ceiling.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

    /// <summary>A token cancelled when the test is cancelled or after <see cref="Ceiling"/>.</summary>
    public static CancellationToken Token()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(Ceiling);
        return source.Token;
    }
}
