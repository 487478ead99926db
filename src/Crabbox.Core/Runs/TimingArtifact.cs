using System.Text.Json.Serialization;

namespace Crabbox.Core.Runs;

/// <summary>A file a run produced or downloaded, in <c>--timing-json</c>: <c>{kind, path, bytes}</c>.</summary>
public sealed record TimingArtifact
{
    /// <summary>For example <c>required</c> or <c>download</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }
}
