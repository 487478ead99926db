using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Crabbox.Core.Sync.Delta;

/// <summary>One hashing thread's reusable state: a bounded read buffer, an incremental SHA-256 and stat scratch space.</summary>
internal sealed class FileHashWorker : IDisposable
{
    private const int ReadBufferSize = 128 * 1024;

    private readonly byte[] _buffer = new byte[ReadBufferSize];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public byte[] StatBuffer { get; } = new byte[LocalFileStat.BufferSize];

    public long BytesRead { get; private set; }

    /// <summary>The lowercase hex SHA-256 of the file's content, or null when it cannot be opened or read.</summary>
    public string? TryHash(string fullPath)
    {
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Hash(handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read that failed part-way must not leak its bytes into the next file's hash.
            _hash.GetHashAndReset();
            return null;
        }
    }

    public void Dispose() => _hash.Dispose();

    private string Hash(SafeFileHandle handle)
    {
        long offset = 0;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        while (true)
        {
            var read = RandomAccess.Read(handle, _buffer, offset);
            if (read == 0)
            {
                break;
            }

            _hash.AppendData(_buffer, 0, read);
            offset += read;
        }

        BytesRead += offset;
        _hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }
}
