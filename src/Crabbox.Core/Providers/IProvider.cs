using Crabbox.Core.Config;

namespace Crabbox.Core.Providers;

/// <summary>
/// A registered provider. Instances are cheap to construct: metadata (name, flags, keys) is read
/// for every command's help and parsing, while <see cref="CreateBackend"/> is only called once a
/// command has selected this provider.
/// </summary>
public interface IProvider
{
    /// <summary>Canonical name (lowercase).</summary>
    string Name { get; }

    /// <summary>Other names <c>--provider</c> accepts.</summary>
    IReadOnlyList<string> Aliases { get; }

    ProviderSpec Spec { get; }

    /// <summary>The configuration keys of the provider's section (e.g. <c>islo.*</c>).</summary>
    IReadOnlyList<ConfigKey> ConfigKeys { get; }

    /// <summary>Provider-owned flags, registered on every lease command.</summary>
    IReadOnlyList<ProviderFlag> Flags { get; }

    /// <summary>
    /// Validates the provider's configuration (credential destinations, required values) and builds
    /// the backend. Throws <see cref="CrabboxException"/> (exit 2/3) for unusable configuration.
    /// </summary>
    IDelegatedRunBackend CreateBackend(ProviderContext context);
}
