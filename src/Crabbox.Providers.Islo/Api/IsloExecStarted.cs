namespace Crabbox.Providers.Islo.Api;

/// <summary>Response of <c>POST /sandboxes/{name}/exec</c>: a handle to poll.</summary>
internal sealed record IsloExecStarted
{
    public string? ExecId { get; init; }

    public string? SandboxId { get; init; }

    /// <summary>Normally <c>started</c>.</summary>
    public string? Status { get; init; }
}
