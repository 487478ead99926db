namespace Crabbox.Core.Providers;

/// <summary>What kind of lifecycle a provider offers.</summary>
public enum ProviderKind
{
    /// <summary>The provider owns the sandbox and the command transport (sync, exec, streaming).</summary>
    DelegatedRun,
}
