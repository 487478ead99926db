namespace Crabbox.Core.Sync;

internal sealed record SyncPlanExcludeRuleJson(string Pattern, string Origin, int Files);
