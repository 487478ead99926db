namespace Crabbox.Islo.Emulator.Json;

/// <summary><c>ExecResponse</c>: <c>{exec_id, sandbox_id, status: "started"}</c>.</summary>
internal sealed record ExecStartedResponse
{
    public required string ExecId { get; init; }

    public required string SandboxId { get; init; }

    public required string Status { get; init; }
}
