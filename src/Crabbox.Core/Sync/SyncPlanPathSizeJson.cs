namespace Crabbox.Core.Sync;

internal sealed record SyncPlanPathSizeJson(string Path, long Bytes, string HumanBytes);
