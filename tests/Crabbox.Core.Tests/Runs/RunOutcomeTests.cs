using Crabbox.Core.Runs;

namespace Crabbox.Core.Tests.Runs;

public sealed class RunOutcomeTests
{
    [Fact]
    public void Derive_ExitZeroWithoutError_Succeeded()
    {
        var outcome = RunOutcome.Derive(0);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, RunErrorKind.None), outcome);
    }

    [Fact]
    public void Derive_NonZeroExit_FailedCommandExit()
    {
        var outcome = RunOutcome.Derive(42);

        Assert.Equal(new RunOutcome(RunStatus.Failed, RunErrorKind.CommandExit), outcome);
    }

    [Fact]
    public void Derive_NonZeroExitAndProviderError_CommandExitWins()
    {
        var outcome = RunOutcome.Derive(42, new HttpRequestException("stream reset"));

        Assert.Equal(new RunOutcome(RunStatus.Failed, RunErrorKind.CommandExit), outcome);
    }

    [Fact]
    public void Derive_ProviderErrorWithExitZero_FailedProviderError()
    {
        var outcome = RunOutcome.Derive(0, new HttpRequestException("stream reset"));

        Assert.Equal(new RunOutcome(RunStatus.Failed, RunErrorKind.ProviderError), outcome);
    }

    [Fact]
    public void Derive_Cancellation_Canceled()
    {
        var outcome = RunOutcome.Derive(130, new OperationCanceledException());

        Assert.Equal(new RunOutcome(RunStatus.Canceled, RunErrorKind.Canceled), outcome);
    }

    [Theory]
    [MemberData(nameof(Timeouts))]
    public void Derive_Deadline_TimedOut(Exception error)
    {
        var outcome = RunOutcome.Derive(1, error);

        Assert.Equal(new RunOutcome(RunStatus.TimedOut, RunErrorKind.Timeout), outcome);
    }

    [Theory]
    [InlineData(RunStatus.Succeeded, "succeeded")]
    [InlineData(RunStatus.Failed, "failed")]
    [InlineData(RunStatus.TimedOut, "timed-out")]
    [InlineData(RunStatus.Canceled, "canceled")]
    public void ToText_Status_ReferenceSpelling(RunStatus status, string expected)
    {
        var text = RunOutcome.ToText(status);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(RunErrorKind.None, null)]
    [InlineData(RunErrorKind.CommandExit, "command-exit")]
    [InlineData(RunErrorKind.Timeout, "timeout")]
    [InlineData(RunErrorKind.Canceled, "canceled")]
    [InlineData(RunErrorKind.ProviderError, "provider-error")]
    public void ToText_ErrorKind_ReferenceSpelling(RunErrorKind kind, string? expected)
    {
        var text = RunOutcome.ToText(kind);

        Assert.Equal(expected, text);
    }

    public static TheoryData<Exception> Timeouts() =>
    [
        new TimeoutException(),
        new TaskCanceledException("timed out", new TimeoutException()),
    ];
}
