namespace Crabbox.Core.Leases;

/// <summary>
/// The local claims directory. Every mutation runs under a per-lease file lock (plus an
/// in-process lock) and writes atomically (temp file, 0600, rename), so concurrent crabbox
/// processes never lose or corrupt a claim. Reads never create files or locks.
/// </summary>
public interface IClaimStore
{
    /// <summary>The claim stored exactly as <c>&lt;leaseId&gt;.json</c>, or null.</summary>
    Task<LeaseClaim?> ReadAsync(string leaseId, CancellationToken cancellationToken);

    /// <summary>
    /// Looks a claim up by identifier: the exact file <c>&lt;identifier&gt;.json</c> first, then the
    /// first claim whose lease id equals it or whose normalized slug equals its normalization.
    /// Unreadable files are skipped. Null when nothing matches.
    /// </summary>
    Task<LeaseClaim?> FindAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>All readable claims, sorted by lease id.</summary>
    Task<IReadOnlyList<LeaseClaim>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the current claim (null when absent), applies <paramref name="mutate"/> and writes the
    /// result with a fresh revision, all under the lease's lock. A null result deletes the claim.
    /// Exceptions thrown by <paramref name="mutate"/> abort without writing.
    /// </summary>
    Task<LeaseClaim?> UpdateAsync(string leaseId, Func<LeaseClaim?, LeaseClaim?> mutate, CancellationToken cancellationToken);

    /// <summary>Deletes the claim under its lock; false when there was none.</summary>
    Task<bool> RemoveAsync(string leaseId, CancellationToken cancellationToken);
}
