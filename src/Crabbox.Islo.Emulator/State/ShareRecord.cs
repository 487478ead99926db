namespace Crabbox.Islo.Emulator.State;

internal sealed record ShareRecord
{
    public required string ShareId { get; init; }

    public required int Port { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
