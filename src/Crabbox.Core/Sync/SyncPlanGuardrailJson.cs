namespace Crabbox.Core.Sync;

internal sealed record SyncPlanGuardrailJson(
    string Scope,
    long Files,
    long Bytes,
    string HumanBytes,
    SyncPlanLimitsJson Limits,
    bool AllowLarge,
    string Status,
    IReadOnlyList<SyncPlanReasonJson> Reasons);
