using Crabbox.Core.Sync.Delta;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>Forgets a lease's sync records when its sandbox is gone (<c>crabbox stop</c>, or a run deleting what it created).</summary>
internal static class IsloSyncRecords
{
    /// <summary>Deletes every record of <paramref name="leaseId"/>; a failure only warns (a stale record just means a full sync later).</summary>
    public static async Task ForgetAsync(IsloRuntime runtime, string leaseId)
    {
        try
        {
            new SyncRecordStore(runtime.Paths).Delete(leaseId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            await runtime.Error.WriteLineAsync($"warning: remove sync record of {leaseId}: {ex.Message}");
        }
    }
}
