namespace Crabbox.Islo.Emulator.Json;

internal sealed record CreateShareRequest
{
    public int? Port { get; init; }

    public int? TtlSeconds { get; init; }
}
