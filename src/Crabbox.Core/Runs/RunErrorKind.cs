namespace Crabbox.Core.Runs;

/// <summary>Why a run failed; serialized as <c>command-exit</c>, <c>timeout</c>, <c>canceled</c>, <c>provider-error</c>.</summary>
public enum RunErrorKind
{
    None,
    CommandExit,
    Timeout,
    Canceled,
    ProviderError,
}
