namespace Crabbox.Islo.Emulator.Json;

/// <summary>The compute plane's <c>ErrorResponse</c>: <c>{code, message, request_id}</c>.</summary>
internal sealed record ErrorResponse
{
    public required string Code { get; init; }

    public required string Message { get; init; }

    public string? RequestId { get; init; }
}
