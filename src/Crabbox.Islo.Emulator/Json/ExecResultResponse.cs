namespace Crabbox.Islo.Emulator.Json;

internal sealed record ExecResultResponse
{
    public required string ExecId { get; init; }

    public required string Status { get; init; }

    public int? ExitCode { get; init; }

    public required string Stdout { get; init; }

    public required string Stderr { get; init; }

    public required bool Truncated { get; init; }
}
