namespace Crabbox.Islo.Emulator.Json;

internal sealed record TokenResponse
{
    public required string SessionToken { get; init; }

    public required int CookieMaxAge { get; init; }
}
