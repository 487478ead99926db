namespace Crabbox.Islo.Emulator.Json;

/// <summary>Body of <c>POST /auth/token</c>.</summary>
internal sealed record TokenRequest
{
    public string? AccessKey { get; init; }
}
