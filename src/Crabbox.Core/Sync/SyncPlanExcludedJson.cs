namespace Crabbox.Core.Sync;

internal sealed record SyncPlanExcludedJson(int Files, IReadOnlyList<SyncPlanExcludeRuleJson> Rules);
