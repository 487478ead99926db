namespace Crabbox.Core.Sync;

/// <summary>What an archive write produced.</summary>
/// <param name="Entries">Tar entries written (files and symbolic links).</param>
/// <param name="ContentBytes">File content bytes archived (before compression).</param>
/// <param name="CompressedBytes">Bytes written to the destination stream.</param>
public sealed record ArchiveStats(int Entries, long ContentBytes, long CompressedBytes);
