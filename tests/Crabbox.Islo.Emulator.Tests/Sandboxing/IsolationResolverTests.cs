using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Tests.Sandboxing;

public sealed class IsolationResolverTests
{
    private static readonly StateLayout s_layout = new("/nonexistent-state");

    [Fact]
    public void Resolve_AutoWithBwrapOnPath_UsesBubblewrapWithoutWarning()
    {
        var (launcher, warning) = IsolationResolver.Resolve(SandboxIsolation.Auto, s_layout, "/nonexistent:/usr/bin");

        Assert.Equal(SandboxIsolation.Bubblewrap, launcher.Isolation);
        Assert.Null(warning);
    }

    [Fact]
    public void Resolve_AutoWithoutBwrap_FallsBackToHostWithWarning()
    {
        var (launcher, warning) = IsolationResolver.Resolve(SandboxIsolation.Auto, s_layout, "/nonexistent");

        Assert.Equal(SandboxIsolation.Host, launcher.Isolation);
        Assert.NotNull(warning);
        Assert.StartsWith("warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("NOT isolated", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BubblewrapRequiredButMissing_Throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => IsolationResolver.Resolve(SandboxIsolation.Bubblewrap, s_layout, string.Empty));

        Assert.Contains("bwrap", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HostRequested_WarnsEvenWithBwrapAvailable()
    {
        var (launcher, warning) = IsolationResolver.Resolve(SandboxIsolation.Host, s_layout, "/usr/bin");

        Assert.Equal(SandboxIsolation.Host, launcher.Isolation);
        Assert.NotNull(warning);
    }
}
