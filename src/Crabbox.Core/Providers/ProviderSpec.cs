namespace Crabbox.Core.Providers;

/// <summary>Static metadata about a provider.</summary>
/// <param name="Name">Canonical name, used by <c>--provider</c> and the <c>provider:</c> key.</param>
/// <param name="Kind">Lifecycle kind.</param>
/// <param name="Features">Advertised capabilities.</param>
/// <param name="Summary">One line for help text.</param>
public sealed record ProviderSpec(string Name, ProviderKind Kind, ProviderFeatures Features, string Summary)
{
    public bool Has(ProviderFeatures feature) => (Features & feature) == feature;
}
