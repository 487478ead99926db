using System.Text.Json.Serialization;

namespace Crabbox.Core.Output;

/// <summary><c>status --json</c> in the Go crabbox's StatusView key order; nullable members are omitempty.</summary>
internal sealed record StatusDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("slug")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Slug { get; init; }

    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("target")]
    public required string Target { get; init; }

    [JsonPropertyName("windowsMode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WindowsMode { get; init; }

    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("serverId")]
    public required string ServerId { get; init; }

    [JsonPropertyName("serverType")]
    public required string ServerType { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("pond")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pond { get; init; }

    [JsonPropertyName("network")]
    public required string Network { get; init; }

    [JsonPropertyName("sshHost")]
    public required string SshHost { get; init; }

    [JsonPropertyName("sshUser")]
    public required string SshUser { get; init; }

    [JsonPropertyName("sshPort")]
    public required string SshPort { get; init; }

    [JsonPropertyName("sshKey")]
    public required string SshKey { get; init; }

    [JsonPropertyName("idleTimeout")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdleTimeout { get; init; }

    [JsonPropertyName("expiresAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpiresAt { get; init; }

    [JsonPropertyName("labels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("hasHost")]
    public required bool HasHost { get; init; }

    [JsonPropertyName("ready")]
    public required bool Ready { get; init; }
}
