using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloSandboxStatusTests
{
    [Theory]
    [InlineData("running", true)]
    [InlineData("Running", true)]
    [InlineData("  RUNNING \n", true)]
    [InlineData("ready", false)]
    [InlineData("started", false)]
    [InlineData("active", false)]
    [InlineData("starting", false)]
    [InlineData("paused", false)]
    [InlineData("unknown", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsReady_Status_OnlyRunning(string? status, bool expected)
    {
        var ready = IsloSandboxStatus.IsReady(status);

        Assert.Equal(expected, ready);
    }

    [Theory]
    [InlineData("failed", true)]
    [InlineData("stopped", true)]
    [InlineData(" Stopping ", true)]
    [InlineData("DELETED", true)]
    [InlineData("running", false)]
    [InlineData("starting", false)]
    [InlineData("paused", false)]
    [InlineData("unknown", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsTerminal_Status_FailedStoppedStoppingDeleted(string? status, bool expected)
    {
        var terminal = IsloSandboxStatus.IsTerminal(status);

        Assert.Equal(expected, terminal);
    }
}
