using System.Runtime.InteropServices;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// <c>lstat</c> with nanosecond times, change time and inode, which <see cref="FileInfo"/> does not
/// expose. Uses Linux <c>statx(2)</c> because its buffer layout is the same on every architecture;
/// elsewhere (or on a libc without it) falls back to <see cref="FileInfo"/> (size and mtime only).
/// </summary>
internal static class LocalFileStat
{
    public const int BufferSize = 256;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;

    private static volatile bool s_statxUnavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// The stamp of the regular file at <paramref name="fullPath"/>; null when it is missing,
    /// unreadable or not a regular file. <paramref name="buffer"/> is scratch space of <see cref="BufferSize"/> bytes.
    /// </summary>
    public static FileStamp? TryGetRegularFile(string fullPath, byte[] buffer)
    {
        if (!s_statxUnavailable)
        {
            try
            {
                if (Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
                {
                    return null;
                }

                return (MemoryMarshal.Read<ushort>(buffer.AsSpan(28)) & FileTypeMask) == RegularFileType
                    ? FromStatx(buffer)
                    : null;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                s_statxUnavailable = true;
            }
        }

        var info = new FileInfo(fullPath);
        if ((int)info.Attributes == -1 || (info.Attributes & (FileAttributes.Directory | FileAttributes.ReparsePoint)) != 0)
        {
            return null;
        }

        var mtime = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        return new FileStamp(info.Length, mtime, 0, 0, 0);
    }

    // struct statx (include/uapi/linux/stat.h): stx_mode at 28, stx_ino at 32, stx_size at 40,
    // stx_ctime at 96, stx_mtime at 112 ({s64 tv_sec; u32 tv_nsec; s32 pad}), stx_dev_major/minor at 136/140.
    // The kernel fills it in native byte order.
    private static FileStamp FromStatx(ReadOnlySpan<byte> buffer) => new(
        Size: (long)MemoryMarshal.Read<ulong>(buffer[40..]),
        MtimeNanoseconds: Nanoseconds(buffer[112..]),
        CtimeNanoseconds: Nanoseconds(buffer[96..]),
        Inode: MemoryMarshal.Read<ulong>(buffer[32..]),
        Device: ((ulong)MemoryMarshal.Read<uint>(buffer[136..]) << 32) | MemoryMarshal.Read<uint>(buffer[140..]));

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        (MemoryMarshal.Read<long>(timestamp) * 1_000_000_000L) + MemoryMarshal.Read<uint>(timestamp[8..]);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
