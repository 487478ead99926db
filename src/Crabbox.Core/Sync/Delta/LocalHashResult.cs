namespace Crabbox.Core.Sync.Delta;

/// <summary>The content hashes of a manifest's regular files.</summary>
/// <param name="Hashes">
/// Repository-relative path to lowercase hex SHA-256, for every manifest file that could be read
/// as a regular file; symbolic links are never hashed (their targets are compared instead).
/// </param>
/// <param name="CacheHits">Files whose hash came from the cache without reading them.</param>
/// <param name="FilesHashed">Files read and hashed.</param>
/// <param name="BytesHashed">Bytes read to hash them.</param>
public sealed record LocalHashResult(IReadOnlyDictionary<string, string> Hashes, int CacheHits, int FilesHashed, long BytesHashed);
