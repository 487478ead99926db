namespace Crabbox.Core.Repo;

/// <summary>What a guardrail limit counts.</summary>
public enum GuardrailMetric
{
    Files,
    Bytes,
}
