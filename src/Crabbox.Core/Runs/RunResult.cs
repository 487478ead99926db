namespace Crabbox.Core.Runs;

/// <summary>
/// The outcome of a run. <see cref="ExitCode"/> is the process exit code crabbox ends with:
/// the remote command's code, or crabbox's own code when the provider failed.
/// </summary>
public sealed record RunResult
{
    public required int ExitCode { get; init; }

    public RunStatus Status { get; init; }

    public RunErrorKind ErrorKind { get; init; }

    /// <summary>One line for stderr when the run failed (e.g. <c>islo run exited 42</c>); null on success.</summary>
    public string? Message { get; init; }

    /// <summary>The lease the run used, also on failure once a lease existed.</summary>
    public RunSessionHandle? Session { get; init; }
}
