using Crabbox.Core.Config;
using Crabbox.Core.Providers;

namespace Crabbox.Core.Tests.Providers;

public sealed class ProviderRegistryTests
{
    [Fact]
    public void Get_AliasWithDifferentCaseAndSpaces_ReturnsCanonicalProvider()
    {
        var registry = new ProviderRegistry([new StubProvider("zeta", ["z"]), new StubProvider("alpha", [])]);

        var provider = registry.Get("  Z ");

        Assert.Equal("zeta", provider.Name);
        Assert.Equal(["alpha", "zeta"], registry.Names);
    }

    [Fact]
    public void Get_UnknownName_ThrowsUsageErrorListingKnownProviders()
    {
        var registry = new ProviderRegistry([new StubProvider("alpha", []), new StubProvider("beta", [])]);

        var error = Assert.Throws<CrabboxException>(() => registry.Get("gamma"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("unknown provider \"gamma\"; known providers: alpha, beta", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateAlias_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new ProviderRegistry([new StubProvider("alpha", ["x"]), new StubProvider("beta", ["X"])]));
    }

    private sealed class StubProvider(string name, IReadOnlyList<string> aliases) : IProvider
    {
        public string Name => name;

        public IReadOnlyList<string> Aliases => aliases;

        public ProviderSpec Spec => new(name, ProviderKind.DelegatedRun, ProviderFeatures.None, "stub");

        public IReadOnlyList<ConfigKey> ConfigKeys => [];

        public IReadOnlyList<ProviderFlag> Flags => [];

        public IDelegatedRunBackend CreateBackend(ProviderContext context) => throw new NotSupportedException();
    }
}
