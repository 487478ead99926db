namespace Crabbox.Islo.Emulator.Json;

/// <summary>Body of <c>POST /exec</c> and <c>POST /exec/stream</c>.</summary>
internal sealed record ExecRequest
{
    public List<string>? Command { get; init; }

    public Dictionary<string, string?>? Env { get; init; }

    public string? Workdir { get; init; }

    public string? User { get; init; }

    public int? TimeoutSecs { get; init; }
}
