using System.Text.Json.Serialization;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Source-generated JSON metadata for every Islo wire type: snake_case names, nulls omitted
/// when writing, unknown fields ignored when reading.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IsloCreateSandboxRequest))]
[JsonSerializable(typeof(IsloSandbox))]
[JsonSerializable(typeof(IsloSandboxPage))]
[JsonSerializable(typeof(IsloExecRequest))]
[JsonSerializable(typeof(IsloExecStarted))]
[JsonSerializable(typeof(IsloExecResult))]
[JsonSerializable(typeof(IsloCreateShareRequest))]
[JsonSerializable(typeof(IsloShare))]
[JsonSerializable(typeof(IReadOnlyList<IsloShare>))]
[JsonSerializable(typeof(IsloErrorBody))]
[JsonSerializable(typeof(IsloTokenRequest))]
[JsonSerializable(typeof(IsloTokenResponse))]
internal sealed partial class IsloJsonContext : JsonSerializerContext;
