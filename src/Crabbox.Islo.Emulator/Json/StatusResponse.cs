namespace Crabbox.Islo.Emulator.Json;

/// <summary><c>FileUploadStatusResponse</c>.</summary>
internal sealed record StatusResponse
{
    public required string Status { get; init; }
}
