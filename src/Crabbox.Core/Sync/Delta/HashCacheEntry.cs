namespace Crabbox.Core.Sync.Delta;

/// <summary>A content hash and the stamp of the file it was computed from.</summary>
internal readonly record struct HashCacheEntry(FileStamp Stamp, string Hash);
