namespace Crabbox.Core.Sync;

internal sealed record SyncPlanProtectedJson(int Count, IReadOnlyList<SyncPlanProtectedExampleJson> Examples);
