namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// The <c>lstat</c> facts that change whenever a file's content can have changed. The change time
/// cannot be set by user space (unlike mtime), and the inode and device catch a file replaced by
/// another one. Where the platform gives only size and mtime, the others are zero.
/// </summary>
internal readonly record struct FileStamp(long Size, long MtimeNanoseconds, long CtimeNanoseconds, ulong Inode, ulong Device);
