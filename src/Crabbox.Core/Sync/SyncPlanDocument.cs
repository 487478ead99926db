namespace Crabbox.Core.Sync;

/// <summary>The JSON shape of <c>crabbox sync-plan --json</c>: one compact camelCase object.</summary>
internal sealed record SyncPlanDocument(
    long Files,
    long Bytes,
    string HumanBytes,
    SyncPlanSizeJson Candidate,
    SyncPlanExcludedJson Excluded,
    int Deleted,
    int DeletedTrackedPaths,
    SyncPlanSizeJson DirtyDelta,
    SyncPlanProtectedJson ProtectedTrackedFiles,
    SyncPlanGuardrailJson Guardrail,
    IReadOnlyList<SyncPlanPathSizeJson> TopFiles,
    IReadOnlyList<SyncPlanPathSizeJson> TopDirs);
