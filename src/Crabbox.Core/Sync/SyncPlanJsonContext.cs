using System.Text.Json.Serialization;

namespace Crabbox.Core.Sync;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SyncPlanDocument))]
internal sealed partial class SyncPlanJsonContext : JsonSerializerContext;
