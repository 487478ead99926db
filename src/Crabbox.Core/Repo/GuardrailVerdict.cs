namespace Crabbox.Core.Repo;

/// <summary>
/// The large-sync guardrail verdict over the full sync candidate (the delegated-sync rule: the
/// whole tree is shipped, so the dirty delta is reported but is not the scope).
/// </summary>
public sealed record GuardrailVerdict
{
    public const string CandidateScope = "candidate";

    public string Scope { get; init; } = CandidateScope;

    public required long Files { get; init; }

    public required long Bytes { get; init; }

    public required GuardrailLimits Limits { get; init; }

    /// <summary>Hard limits are skipped; crossing them only warns.</summary>
    public required bool AllowLarge { get; init; }

    public required GuardrailStatus Status { get; init; }

    /// <summary>Crossed thresholds, files before bytes.</summary>
    public required IReadOnlyList<GuardrailReason> Reasons { get; init; }

    /// <summary>Lowercase status text: <c>ok</c>, <c>warning</c> or <c>failed</c>.</summary>
    public static string StatusName(GuardrailStatus status) => status switch
    {
        GuardrailStatus.Ok => "ok",
        GuardrailStatus.Warning => "warning",
        _ => "failed",
    };

    /// <summary>Lowercase metric text: <c>files</c> or <c>bytes</c>.</summary>
    public static string MetricName(GuardrailMetric metric) => metric == GuardrailMetric.Files ? "files" : "bytes";
}
