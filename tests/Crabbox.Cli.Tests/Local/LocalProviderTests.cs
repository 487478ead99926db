using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;

namespace Crabbox.Cli.Tests.Local;

public sealed class LocalProviderTests
{
    [Fact]
    public async Task Run_RepositoryConfigDisablesIsolation_Refused()
    {
        using var host = new CliTestHost();
        await File.WriteAllTextAsync(
            Path.Combine(host.WorkingDirectory, ".crabbox.yaml"), "local:\n  isolation: host\n", TestContext.Current.CancellationToken);

        var result = await host.RunWithRealProvidersAsync("run", "--provider", "local", "--no-sync", "--", "true");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("provider=local refuses local.isolation: host from file ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(host.StateDirectory, "crabbox", "local", "sandboxes")));
    }

    [Fact]
    public async Task Providers_ListsLocalAndIslo()
    {
        using var host = new CliTestHost();

        var result = await host.RunWithRealProvidersAsync("providers");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("islo     Islo sandboxes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("local    Sandboxes on this machine", result.Stdout, StringComparison.Ordinal);
    }
}
