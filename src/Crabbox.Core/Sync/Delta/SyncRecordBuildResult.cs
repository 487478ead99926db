namespace Crabbox.Core.Sync.Delta;

/// <summary>The record to save after a sync, and the paths the remote did not confirm.</summary>
/// <param name="Record">The new record (unconfirmed entries carry no observation, so the next sync sends them again).</param>
/// <param name="Unverified">
/// Manifest paths the post-sync listing showed missing or different (kind, size, exec bit, link
/// target) from what was sent, sorted. Non-empty means the remote's extraction did not do what
/// crabbox expects (or a local file changed during the sync); the provider should warn.
/// </param>
public sealed record SyncRecordBuildResult(SyncRecord Record, IReadOnlyList<string> Unverified);
