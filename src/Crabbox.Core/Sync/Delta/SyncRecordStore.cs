using System.Security.Cryptography;
using System.Text;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// Sync records on disk: <c>&lt;state&gt;/sync/&lt;leaseId&gt;/record-&lt;hash of workspace&gt;.bin</c>,
/// one per lease and remote workspace (the workdir can change between runs). Written atomically
/// (temp file + rename, 0600, directories 0700). A missing, unreadable, corrupt, other-version or
/// other-workspace file loads as null, which means "sync everything", never as an error.
/// </summary>
public sealed class SyncRecordStore(CrabboxPaths paths)
{
    /// <summary>The record of <paramref name="workspace"/> on <paramref name="leaseId"/>, or null when there is no usable one.</summary>
    public async Task<SyncRecord?> LoadAsync(string leaseId, string workspace, CancellationToken cancellationToken) =>
        (await OpenAsync(leaseId, workspace, cancellationToken))?.Read();

    /// <summary>
    /// Reads the record of <paramref name="workspace"/> but parses only its header, so a caller can
    /// start the remote listing (which needs only the prune names) before the entries are read with
    /// <see cref="SyncRecordFile.Read"/>. Null as <see cref="LoadAsync"/> (the file's checksum is
    /// checked here); entries that pass it but are still invalid are found by <see cref="SyncRecordFile.Read"/>.
    /// </summary>
    public async Task<SyncRecordFile?> OpenAsync(string leaseId, string workspace, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(RecordPath(leaseId, workspace), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            var (recorded, pruneNames) = SyncRecordFormat.ReadHeader(bytes);
            return recorded == workspace ? new SyncRecordFile(bytes, pruneNames) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Replaces the record of <paramref name="record"/>'s workspace on <paramref name="leaseId"/>.</summary>
    public async Task SaveAsync(string leaseId, SyncRecord record, CancellationToken cancellationToken)
    {
        var bytes = SyncRecordFormat.Write(record);
        var path = RecordPath(leaseId, record.Workspace);
        AtomicFile.EnsureDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAsync(path, bytes, cancellationToken);
    }

    /// <summary>Forgets one workspace of a lease (before a full resync wipes it); false when there was no record.</summary>
    public bool Delete(string leaseId, string workspace) => AtomicFile.Delete(RecordPath(leaseId, workspace));

    /// <summary>Forgets every record of a lease (when it is stopped); false when there were none.</summary>
    public bool Delete(string leaseId)
    {
        var directory = LeaseDirectory(leaseId);
        if (!Directory.Exists(directory))
        {
            return false;
        }

        Directory.Delete(directory, recursive: true);
        return true;
    }

    /// <summary>Where the record of <paramref name="workspace"/> on <paramref name="leaseId"/> lives.</summary>
    public string RecordPath(string leaseId, string workspace)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspace)).AsSpan(0, 8));
        return Path.Combine(LeaseDirectory(leaseId), $"record-{key}.bin");
    }

    private string LeaseDirectory(string leaseId) =>
        LeaseIds.IsValidClaimId(leaseId)
            ? paths.SyncStateDirectory(leaseId)
            : throw new ArgumentException($"invalid lease id \"{leaseId}\"", nameof(leaseId));
}
