using Crabbox.Core.Config;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Tests.TestSupport;

/// <summary>A registered provider whose backend is a <see cref="FakeBackend"/>; counts backend creations.</summary>
internal sealed class FakeProvider(string name, ProviderFeatures features) : IProvider
{
    public FakeBackend Backend { get; } = new();

    public int BackendsCreated { get; private set; }

    public string Name => name;

    public IReadOnlyList<string> Aliases => [];

    public ProviderSpec Spec => new(name, ProviderKind.DelegatedRun, features, "test provider " + name);

    public IReadOnlyList<ConfigKey> ConfigKeys { get; } =
        [new ConfigKey(name + ".size", ConfigValueKind.Number, "test size") { EnvironmentVariables = [name.ToUpperInvariant() + "_SIZE"] }];

    public IReadOnlyList<ProviderFlag> Flags { get; } =
        [new ProviderFlag("--" + name + "-size", name + ".size", ConfigValueKind.Number, "test size flag")];

    public ProviderContext? LastContext { get; private set; }

    public IDelegatedRunBackend CreateBackend(ProviderContext context)
    {
        BackendsCreated++;
        LastContext = context;
        return Backend;
    }
}
