namespace Crabbox.Islo.Emulator.Http;

/// <summary>The compute plane's <c>ErrorCode</c> values the emulator answers with.</summary>
internal static class ErrorCodes
{
    public const string AuthRequired = "AUTH_REQUIRED";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string SandboxNotFound = "SANDBOX_NOT_FOUND";
    public const string SandboxAlreadyExists = "SANDBOX_ALREADY_EXISTS";
    public const string SandboxInvalidState = "SANDBOX_INVALID_STATE";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string FileNotFound = "FILE_NOT_FOUND";
    public const string CommandNotFound = "COMMAND_NOT_FOUND";
    public const string FileOperationError = "FILE_OPERATION_ERROR";
    public const string InternalError = "INTERNAL_ERROR";
}
