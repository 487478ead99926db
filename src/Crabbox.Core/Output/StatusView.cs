namespace Crabbox.Core.Output;

/// <summary>
/// One lease as <c>crabbox status</c> shows it. The JSON renderer writes the Go crabbox's
/// StatusView keys (<c>id</c>, <c>slug</c>, <c>provider</c>, <c>target</c>, <c>state</c>,
/// <c>serverId</c>, <c>serverType</c>, <c>host</c>, <c>network</c>, <c>sshHost</c>, <c>sshUser</c>,
/// <c>sshPort</c>, <c>sshKey</c>, <c>labels</c>, <c>hasHost</c>, <c>ready</c>, ...).
/// </summary>
public sealed record StatusView
{
    public required string Id { get; init; }

    public string? Slug { get; init; }

    public required string Provider { get; init; }

    public string Target { get; init; } = "linux";

    public string? WindowsMode { get; init; }

    public required string State { get; init; }

    public string ServerId { get; init; } = string.Empty;

    public string ServerType { get; init; } = string.Empty;

    public string Host { get; init; } = string.Empty;

    public string? Pond { get; init; }

    public string Network { get; init; } = "public";

    public string SshHost { get; init; } = string.Empty;

    public string SshUser { get; init; } = string.Empty;

    public string SshPort { get; init; } = string.Empty;

    public string SshKey { get; init; } = string.Empty;

    public TimeSpan? IdleTimeout { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public bool HasHost { get; init; }

    public bool Ready { get; init; }
}
