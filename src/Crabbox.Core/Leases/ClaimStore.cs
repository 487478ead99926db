using System.Security.Cryptography;
using System.Text.Json;
using Crabbox.Core.Output;

namespace Crabbox.Core.Leases;

/// <summary>
/// Claims as files under <see cref="CrabboxPaths.ClaimsDirectory"/>, one <c>&lt;leaseId&gt;.json</c>
/// per lease in the Go crabbox's schema. Mutations lock <c>claim-locks/&lt;leaseId&gt;.json.lock</c>
/// and replace the file atomically; reads take no lock and create nothing.
/// </summary>
public sealed class ClaimStore : IClaimStore
{
    /// <summary>Claim files larger than this are skipped by <see cref="FindAsync"/> and <see cref="ListAsync"/>.</summary>
    public const long MaxClaimFileBytes = 1024 * 1024;

    private static readonly TimeSpan s_defaultLockTimeout = TimeSpan.FromSeconds(30);

    private readonly CrabboxPaths _paths;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lockTimeout;

    public ClaimStore(CrabboxPaths paths, TimeProvider time)
        : this(paths, time, s_defaultLockTimeout)
    {
    }

    internal ClaimStore(CrabboxPaths paths, TimeProvider time, TimeSpan lockTimeout)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(time);
        _paths = paths;
        _time = time;
        _lockTimeout = lockTimeout;
    }

    /// <inheritdoc/>
    /// <remarks>Exit 2 for an invalid id, unreadable JSON, or a file whose <c>leaseID</c> differs from its name.</remarks>
    public Task<LeaseClaim?> ReadAsync(string leaseId, CancellationToken cancellationToken) =>
        ReadStrictAsync(ClaimPath(leaseId), leaseId, cancellationToken);

    /// <inheritdoc/>
    public async Task<LeaseClaim?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            return null;
        }

        if (LeaseIds.IsValidClaimId(identifier)
            && await ReadLenientAsync(Path.Combine(_paths.ClaimsDirectory, identifier + ".json"), identifier, cancellationToken) is { } exact)
        {
            return exact;
        }

        var slug = Slugs.Normalize(identifier);
        foreach (var claim in await ScanAsync(cancellationToken))
        {
            if (string.Equals(claim.LeaseId, identifier, StringComparison.Ordinal)
                || (slug.Length > 0 && string.Equals(Slugs.Normalize(claim.Slug), slug, StringComparison.Ordinal)))
            {
                return claim;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LeaseClaim>> ListAsync(CancellationToken cancellationToken) =>
        await ScanAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<LeaseClaim?> UpdateAsync(string leaseId, Func<LeaseClaim?, LeaseClaim?> mutate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        var path = ClaimPath(leaseId);
        AtomicFile.EnsureDirectory(_paths.ClaimsDirectory);
        AtomicFile.EnsureDirectory(_paths.ClaimLocksDirectory);
        await using var held = await ClaimLock.AcquireAsync(LockPath(leaseId), leaseId, _time, _lockTimeout, cancellationToken);

        var current = await ReadStrictAsync(path, leaseId, cancellationToken);
        var next = mutate(current);
        if (next is null)
        {
            AtomicFile.Delete(path);
            return null;
        }

        if (!string.Equals(next.LeaseId, leaseId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"claim mutation for {leaseId} returned a claim for {next.LeaseId}");
        }

        var stored = Canonicalize(next) with { Revision = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
        await AtomicFile.WriteAsync(path, Serialize(stored), cancellationToken);
        return stored;
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(string leaseId, CancellationToken cancellationToken)
    {
        var path = ClaimPath(leaseId);
        if (!Directory.Exists(_paths.ClaimsDirectory))
        {
            return false;
        }

        AtomicFile.EnsureDirectory(_paths.ClaimLocksDirectory);
        await using var held = await ClaimLock.AcquireAsync(LockPath(leaseId), leaseId, _time, _lockTimeout, cancellationToken);
        return AtomicFile.Delete(path);
    }

    /// <summary>The exact claim file text for <paramref name="claim"/>: 2-space indented JSON and a trailing newline.</summary>
    internal static byte[] Serialize(LeaseClaim claim)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(claim, ClaimJsonContext.Files.LeaseClaim);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    // Go's omitempty drops empty strings and maps, and encodes maps with sorted keys; do the same
    // so files written by either tool look alike.
    private static LeaseClaim Canonicalize(LeaseClaim claim) => claim with
    {
        Slug = string.IsNullOrEmpty(claim.Slug) ? null : claim.Slug,
        Provider = string.IsNullOrEmpty(claim.Provider) ? null : claim.Provider,
        Pond = string.IsNullOrEmpty(claim.Pond) ? null : claim.Pond,
        RepoRoot = claim.RepoRoot ?? string.Empty,
        Labels = LabelMaps.Sorted(claim.Labels),
        Extra = claim.Extra is { Count: > 0 } extra ? extra : null,
    };

    private string ClaimPath(string leaseId)
    {
        LeaseIds.EnsureValidClaimId(leaseId);
        return Path.Combine(_paths.ClaimsDirectory, leaseId + ".json");
    }

    private string LockPath(string leaseId) => Path.Combine(_paths.ClaimLocksDirectory, leaseId + ".json.lock");

    private static async Task<LeaseClaim?> ReadStrictAsync(string path, string leaseId, CancellationToken cancellationToken)
    {
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CrabboxException.Usage($"read claim {path}: {ex.Message}");
        }

        LeaseClaim? claim;
        try
        {
            claim = JsonSerializer.Deserialize(data, ClaimJsonContext.Files.LeaseClaim);
        }
        catch (JsonException ex)
        {
            throw CrabboxException.Usage($"parse claim {path}: {ex.Message}");
        }

        if (claim is null || !string.Equals(claim.LeaseId, leaseId, StringComparison.Ordinal))
        {
            throw CrabboxException.Usage($"claim {path} has leaseID \"{claim?.LeaseId}\", expected \"{leaseId}\"");
        }

        return claim;
    }

    // Lookups and listings skip anything odd (oversized, not a regular file, bad JSON, id mismatch)
    // rather than fail: one broken file must not hide every other lease.
    private static async Task<LeaseClaim?> ReadLenientAsync(string path, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > MaxClaimFileBytes)
            {
                return null;
            }

            var claim = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken), ClaimJsonContext.Files.LeaseClaim);
            return claim is not null && string.Equals(claim.LeaseId, leaseId, StringComparison.Ordinal) ? claim : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private async Task<List<LeaseClaim>> ScanAsync(CancellationToken cancellationToken)
    {
        var claims = new List<LeaseClaim>();
        if (!Directory.Exists(_paths.ClaimsDirectory))
        {
            return claims;
        }

        var files = Directory.EnumerateFiles(_paths.ClaimsDirectory, "*.json", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.EndsWith(".json", StringComparison.Ordinal) && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var name in files)
        {
            var leaseId = name[..^".json".Length];
            if (LeaseIds.IsValidClaimId(leaseId)
                && await ReadLenientAsync(Path.Combine(_paths.ClaimsDirectory, name), leaseId, cancellationToken) is { } claim)
            {
                claims.Add(claim);
            }
        }

        claims.Sort((left, right) => string.CompareOrdinal(left.LeaseId, right.LeaseId));
        return claims;
    }
}
