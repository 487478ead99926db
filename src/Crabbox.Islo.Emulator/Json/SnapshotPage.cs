namespace Crabbox.Islo.Emulator.Json;

internal sealed record SnapshotPage
{
    public required IReadOnlyList<SnapshotResponse> Items { get; init; }

    public required int Limit { get; init; }

    public required int Offset { get; init; }

    public required int Total { get; init; }
}
