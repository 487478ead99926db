namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Response of <c>GET /sandboxes/{name}/exec/{exec_id}</c>. <see cref="Status"/> is
/// <c>pending|started|running</c> while in progress and <c>completed|failed|timeout</c> at the end;
/// <see cref="ExitCode"/> is set for <c>completed</c>.
/// </summary>
internal sealed record IsloExecResult
{
    public string? ExecId { get; init; }

    public string? Status { get; init; }

    public int? ExitCode { get; init; }

    public string? Stdout { get; init; }

    public string? Stderr { get; init; }

    public bool Truncated { get; init; }
}
