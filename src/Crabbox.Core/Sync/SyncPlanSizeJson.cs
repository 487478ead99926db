namespace Crabbox.Core.Sync;

internal sealed record SyncPlanSizeJson(long Files, long Bytes, string HumanBytes);
