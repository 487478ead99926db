namespace Crabbox.Islo.Emulator.Json;

internal sealed record ShareResponse
{
    public required string ShareId { get; init; }

    public required string Url { get; init; }

    public required int Port { get; init; }

    public required string CreatedAt { get; init; }

    public string? ExpiresAt { get; init; }
}
