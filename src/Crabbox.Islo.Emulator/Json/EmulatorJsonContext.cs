using System.Text.Json.Serialization;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Json;

/// <summary>Source-generated JSON for the wire and the state files: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(CreateSandboxRequest))]
[JsonSerializable(typeof(SandboxResponse))]
[JsonSerializable(typeof(SandboxPage))]
[JsonSerializable(typeof(ExecRequest))]
[JsonSerializable(typeof(ExecStartedResponse))]
[JsonSerializable(typeof(ExecResultResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(CreateShareRequest))]
[JsonSerializable(typeof(ShareResponse))]
[JsonSerializable(typeof(List<ShareResponse>))]
[JsonSerializable(typeof(CreateSnapshotRequest))]
[JsonSerializable(typeof(SnapshotResponse))]
[JsonSerializable(typeof(SnapshotPage))]
[JsonSerializable(typeof(SandboxRecord))]
[JsonSerializable(typeof(SnapshotRecord))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
