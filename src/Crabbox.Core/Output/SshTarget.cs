namespace Crabbox.Core.Output;

/// <summary>Where <c>crabbox ssh</c> logs in; the CLI renders it as one pasteable <c>ssh</c> command.</summary>
public sealed record SshTarget
{
    public required string User { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; } = 22;

    /// <summary>An explicitly configured private key, or null (then no <c>-i</c> is printed).</summary>
    public string? KeyPath { get; init; }

    /// <summary>Per-lease known_hosts file.</summary>
    public string? KnownHostsFile { get; init; }
}
