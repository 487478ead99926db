namespace Crabbox.Core.Repo;

/// <summary>The large-sync guardrail outcome, ordered by severity.</summary>
public enum GuardrailStatus
{
    Ok,
    Warning,
    Failed,
}
