using System.Text.Json.Serialization;

namespace Crabbox.Core.Runs;

/// <summary>What a run leaves behind: which lease it used and how to clean it up.</summary>
public sealed record RunSessionHandle
{
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("leaseId")]
    public required string LeaseId { get; init; }

    [JsonPropertyName("slug")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Slug { get; init; }

    [JsonPropertyName("reused")]
    public bool Reused { get; init; }

    [JsonPropertyName("kept")]
    public bool Kept { get; init; }

    [JsonPropertyName("runId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunId { get; init; }

    [JsonPropertyName("cleanupCommand")]
    public required string CleanupCommand { get; init; }
}
