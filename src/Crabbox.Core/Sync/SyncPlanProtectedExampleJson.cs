namespace Crabbox.Core.Sync;

internal sealed record SyncPlanProtectedExampleJson(string Path, string Pattern);
