using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>An error answered as <c>{code, message, request_id}</c> with <see cref="StatusCode"/>.</summary>
internal sealed class ApiException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static ApiException Validation(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, message);

    public static ApiException InvalidRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message);

    public static ApiException SandboxNotFound(string name) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.SandboxNotFound, $"sandbox {name} not found");

    public static ApiException InvalidState(string message) => new(StatusCodes.Status409Conflict, ErrorCodes.SandboxInvalidState, message);
}
