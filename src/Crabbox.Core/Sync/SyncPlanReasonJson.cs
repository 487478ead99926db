namespace Crabbox.Core.Sync;

internal sealed record SyncPlanReasonJson(string Status, string Metric, long Actual, long Limit);
