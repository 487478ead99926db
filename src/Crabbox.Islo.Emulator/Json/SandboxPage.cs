namespace Crabbox.Islo.Emulator.Json;

/// <summary><c>PaginatedSandboxResponse</c>.</summary>
internal sealed record SandboxPage
{
    public required IReadOnlyList<SandboxResponse> Items { get; init; }

    public required int Total { get; init; }

    public required int Limit { get; init; }

    public required int Offset { get; init; }

    public string? NextCursor { get; init; }
}
