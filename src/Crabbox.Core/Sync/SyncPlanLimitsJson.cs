namespace Crabbox.Core.Sync;

internal sealed record SyncPlanLimitsJson(long WarnFiles, long WarnBytes, long FailFiles, long FailBytes);
