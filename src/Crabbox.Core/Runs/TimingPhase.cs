using System.Text.Json.Serialization;

namespace Crabbox.Core.Runs;

/// <summary>One sync step in <c>--timing-json</c>: <c>{name, ms?, skipped?, reason?}</c>.</summary>
public sealed record TimingPhase
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Ms { get; init; }

    [JsonPropertyName("skipped")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Skipped { get; init; }

    /// <summary>Why the step was skipped (e.g. <c>--no-sync</c>); null when it ran.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
