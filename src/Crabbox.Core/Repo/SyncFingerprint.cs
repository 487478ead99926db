using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Core.Repo;

/// <summary>
/// A SHA-256 fingerprint of what a sync would ship: equal fingerprints mean an identical tree, so a
/// warm sandbox that already holds it can skip the sync.
/// </summary>
public static class SyncFingerprint
{
    /// <summary>Bumped whenever the hashed layout changes, so old fingerprints never match new ones.</summary>
    public const string Version = "crabbox-sync-fingerprint-v1";

    private const int BufferSize = 81920;

    /// <summary>
    /// Lowercase hex SHA-256 over the version tag, the HEAD commit, every manifest entry (path,
    /// kind, mode, size, link target), the deleted paths, the exclude rules with their origins, and
    /// the full current content of every changed path (a marker when it is missing).
    /// </summary>
    public static async Task<string> ComputeAsync(RepositoryInfo repo, SyncManifest manifest, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Field(hash, buffer, Version);
            Field(hash, buffer, "head");
            Field(hash, buffer, repo.Head ?? string.Empty);
            Field(hash, buffer, "entries");
            foreach (var entry in manifest.Files)
            {
                Field(hash, buffer, entry.Path);
                Field(hash, buffer, entry.Kind == ManifestEntryKind.File ? "f" : "l");
                Field(hash, buffer, entry.Mode.ToString(CultureInfo.InvariantCulture));
                Field(hash, buffer, entry.Size.ToString(CultureInfo.InvariantCulture));
                Field(hash, buffer, entry.LinkTarget ?? string.Empty);
            }

            Field(hash, buffer, "deleted");
            foreach (var path in manifest.Deleted)
            {
                Field(hash, buffer, path);
            }

            Field(hash, buffer, "rules");
            foreach (var rule in manifest.Rules)
            {
                Field(hash, buffer, rule.OriginName);
                Field(hash, buffer, rule.Pattern);
            }

            Field(hash, buffer, "changed");
            foreach (var path in manifest.Changed)
            {
                Field(hash, buffer, path);
                await AppendContentAsync(hash, buffer, RepoPaths.ToFullPath(manifest.Root, path), cancellationToken);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task AppendContentAsync(
        IncrementalHash hash, byte[] buffer, string fullPath, CancellationToken cancellationToken)
    {
        var info = new FileInfo(fullPath);
        if ((int)info.Attributes == -1)
        {
            Field(hash, buffer, "missing");
            return;
        }

        if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is { } target)
        {
            Field(hash, buffer, "link");
            Field(hash, buffer, target);
            return;
        }

        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            Field(hash, buffer, "directory");
            return;
        }

        try
        {
            await using var stream = new FileStream(
                fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            // Length first keeps the encoding prefix-free; a file that changes while being read
            // gets a marker rather than a silently different framing.
            var expected = stream.Length;
            Field(hash, buffer, "content");
            Field(hash, buffer, expected.ToString(CultureInfo.InvariantCulture));
            var length = 0L;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            if (length != expected)
            {
                Field(hash, buffer, "changed-while-reading");
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            Field(hash, buffer, "missing");
        }
    }

    // Each field is its UTF-8 bytes followed by NUL; paths and patterns cannot contain NUL.
    private static void Field(IncrementalHash hash, byte[] buffer, string value)
    {
        if (Encoding.UTF8.GetMaxByteCount(value.Length) + 1 > buffer.Length)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
            return;
        }

        var written = Encoding.UTF8.GetBytes(value, buffer);
        buffer[written] = 0;
        hash.AppendData(buffer, 0, written + 1);
    }
}
