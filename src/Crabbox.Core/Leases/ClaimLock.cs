using System.Collections.Concurrent;

namespace Crabbox.Core.Leases;

/// <summary>
/// One lease's claim lock: a process-wide semaphore per lock path (so threads queue instead of
/// spinning) plus an OS lock on <c>&lt;leaseId&gt;.json.lock</c> held by an open handle. On Unix
/// .NET takes that lock with <c>flock(LOCK_EX | LOCK_NB)</c> when a file is opened with
/// <see cref="FileShare.None"/>, the same advisory lock the Go crabbox uses, so both tools
/// exclude each other; on Windows the share mode itself excludes other openers. Setting
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1</c> turns the Unix lock off and leaves only the
/// in-process exclusion.
/// </summary>
internal sealed class ClaimLock : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_initialBackoff = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _gate;
    private readonly FileStream _handle;

    private ClaimLock(SemaphoreSlim gate, FileStream handle)
    {
        _gate = gate;
        _handle = handle;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock; exit 2
    /// <c>lease &lt;id&gt; claim is locked by another crabbox process; retry</c> after that.
    /// </summary>
    public static async Task<ClaimLock> AcquireAsync(string lockPath, string leaseId, TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var gate = s_gates.GetOrAdd(Path.GetFullPath(lockPath), static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout, cancellationToken))
        {
            throw Locked(leaseId);
        }

        try
        {
            var backoff = s_initialBackoff;
            while (true)
            {
                if (TryOpenExclusive(lockPath) is { } handle)
                {
                    return new ClaimLock(gate, handle);
                }

                if (time.GetElapsedTime(started) >= timeout)
                {
                    throw Locked(leaseId);
                }

                // Jitter keeps several waiting processes from retrying in lockstep.
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)backoff.TotalMilliseconds + 1));
                await Task.Delay(backoff + jitter, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _handle.DisposeAsync();
        _gate.Release();
    }

    private static FileStream? TryOpenExclusive(string lockPath)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            // Write access: .NET skips the exclusive flock on read-only handles on some file systems.
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(lockPath, options);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException))
        {
            // A plain IOException is the sharing violation / EWOULDBLOCK from a held lock; the
            // subclasses (missing directory, path too long) are real errors and propagate.
            return null;
        }
    }

    private static CrabboxException Locked(string leaseId) =>
        CrabboxException.Usage($"lease {leaseId} claim is locked by another crabbox process; retry");
}
