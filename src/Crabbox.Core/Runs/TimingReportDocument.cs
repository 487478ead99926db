using System.Text.Json.Serialization;

namespace Crabbox.Core.Runs;

/// <summary>The wire form of <see cref="TimingReport"/>: key order and omitempty as the Go <c>TimingReport</c>.</summary>
internal sealed record TimingReportDocument
{
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("leaseId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LeaseId { get; init; }

    [JsonPropertyName("slug")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Slug { get; init; }

    [JsonPropertyName("leaseMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long LeaseMs { get; init; }

    [JsonPropertyName("bootstrapMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long BootstrapMs { get; init; }

    [JsonPropertyName("syncMs")]
    public long SyncMs { get; init; }

    [JsonPropertyName("syncPhases")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimingPhase>? SyncPhases { get; init; }

    [JsonPropertyName("syncSkipped")]
    public bool SyncSkipped { get; init; }

    [JsonPropertyName("syncDelegated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SyncDelegated { get; init; }

    [JsonPropertyName("commandMs")]
    public long CommandMs { get; init; }

    [JsonPropertyName("totalMs")]
    public long TotalMs { get; init; }

    [JsonPropertyName("endToEndMs")]
    public long EndToEndMs { get; init; }

    [JsonPropertyName("exitCode")]
    public int ExitCode { get; init; }

    [JsonPropertyName("runStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunStatus { get; init; }

    [JsonPropertyName("errorKind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorKind { get; init; }

    [JsonPropertyName("runId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunId { get; init; }

    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    [JsonPropertyName("artifacts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimingArtifact>? Artifacts { get; init; }

    [JsonPropertyName("leaseStopped")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LeaseStopped { get; init; }

    [JsonPropertyName("leaseStopError")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LeaseStopError { get; init; }
}
