namespace Crabbox.Core.Repo;

/// <summary>One crossed threshold: <paramref name="Actual"/> reached <paramref name="Limit"/>.</summary>
public sealed record GuardrailReason(GuardrailStatus Status, GuardrailMetric Metric, long Actual, long Limit);
