using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// SHA-256 of every regular file in a manifest, in parallel across cores, streaming through one
/// bounded buffer per worker. A per-repository cache under <paramref name="cacheDirectory"/> keyed by
/// (path, size, mtime, ctime, inode, device) skips files that have not changed since the last run.
/// A file whose mtime or ctime is within <see cref="RacyWindow"/> of the start of hashing is not cached,
/// because a write in the same timestamp tick would leave its stamp unchanged.
/// </summary>
public sealed class LocalContentHasher(string cacheDirectory, TimeProvider timeProvider)
{
    /// <summary>How recent a change must be for its hash not to be trusted on the next run.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>The default cache directory: <c>&lt;state&gt;/sync-hashes</c>.</summary>
    public static string DefaultCacheDirectory(CrabboxPaths paths) => Path.Combine(paths.StateDirectory, "sync-hashes");

    /// <summary>Hashes the manifest's regular files, reusing and then updating the cache of <see cref="SyncManifest.Root"/>.</summary>
    public async Task<LocalHashResult> HashAsync(SyncManifest manifest, CancellationToken cancellationToken)
    {
        var cutoff = (timeProvider.GetUtcNow() - RacyWindow - DateTimeOffset.UnixEpoch).Ticks * 100;
        var cache = await HashCacheFile.LoadAsync(cacheDirectory, manifest.Root, cancellationToken);
        var files = manifest.Files.Where(entry => entry.Kind == ManifestEntryKind.File).ToArray();
        var results = new HashCacheEntry?[files.Length];
        var hits = new bool[files.Length];
        long bytesHashed = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

        await Task.Run(
            () => Parallel.For(
                0,
                files.Length,
                options,
                () => new FileHashWorker(),
                (index, _, worker) =>
                {
                    var path = files[index].Path;
                    var fullPath = RepoPaths.ToFullPath(manifest.Root, path);
                    if (LocalFileStat.TryGetRegularFile(fullPath, worker.StatBuffer) is not { } stamp)
                    {
                        return worker;
                    }

                    if (cache.TryGetValue(path, out var cached) && cached.Stamp == stamp)
                    {
                        results[index] = cached;
                        hits[index] = true;
                    }
                    else if (worker.TryHash(fullPath) is { } hash)
                    {
                        results[index] = new HashCacheEntry(stamp, hash);
                    }

                    return worker;
                },
                worker =>
                {
                    Interlocked.Add(ref bytesHashed, worker.BytesRead);
                    worker.Dispose();
                }),
            cancellationToken);

        var hashes = new Dictionary<string, string>(files.Length, StringComparer.Ordinal);
        var keep = new List<KeyValuePair<string, HashCacheEntry>>(files.Length);
        var cacheHits = 0;
        for (var i = 0; i < files.Length; i++)
        {
            if (results[i] is not { } result)
            {
                continue;
            }

            hashes[files[i].Path] = result.Hash;
            cacheHits += hits[i] ? 1 : 0;
            if (result.Stamp.MtimeNanoseconds < cutoff && result.Stamp.CtimeNanoseconds < cutoff)
            {
                keep.Add(new(files[i].Path, result));
            }
        }

        // Rewrite only when the cache would change: a run that found everything cached stays read-only.
        if (keep.Count != cache.Count || cacheHits != keep.Count)
        {
            try
            {
                await HashCacheFile.SaveAsync(cacheDirectory, manifest.Root, keep, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only a cache: the next run hashes those files again.
            }
        }

        return new LocalHashResult(hashes, cacheHits, hashes.Count - cacheHits, bytesHashed);
    }
}
