using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crabbox.Core.Leases;

/// <summary>
/// A local repo claim: binds a lease to the checkout that uses it. Stored as
/// <c>&lt;state&gt;/claims/&lt;leaseId&gt;.json</c> in the Go crabbox's schema (note <c>leaseID</c>),
/// so both tools can share state. Fields this port does not know are kept on rewrite.
/// </summary>
public sealed record LeaseClaim
{
    [JsonPropertyName("leaseID")]
    public required string LeaseId { get; init; }

    /// <summary>32 random hex characters, regenerated on every write.</summary>
    [JsonPropertyName("revision")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Revision { get; init; }

    [JsonPropertyName("slug")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Slug { get; init; }

    [JsonPropertyName("provider")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Provider { get; init; }

    [JsonPropertyName("pond")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pond { get; init; }

    [JsonPropertyName("repoRoot")]
    public string RepoRoot { get; init; } = string.Empty;

    [JsonPropertyName("claimedAt")]
    public DateTimeOffset ClaimedAt { get; init; }

    [JsonPropertyName("lastUsedAt")]
    public DateTimeOffset LastUsedAt { get; init; }

    [JsonPropertyName("idleTimeoutSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long IdleTimeoutSeconds { get; init; }

    [JsonPropertyName("labels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Fields written by other tools (e.g. the Go crabbox's Tailscale fields), preserved verbatim.</summary>
    /// <remarks>Settable rather than init-only: System.Text.Json cannot bind extension data through an initializer.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
