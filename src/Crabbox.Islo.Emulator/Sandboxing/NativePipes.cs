using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// fcntl(2) <c>F_SETPIPE_SZ</c>: a command's output pipe holds 64 KiB by default, so a fast writer
/// hands over its output 64 KiB at a time, each a wake-up of the reader. A larger pipe lets one
/// read take what a busy machine left waiting, without delaying anything (a read still returns
/// whatever is there).
/// </summary>
internal static partial class NativePipes
{
    // Linux's default limit for unprivileged processes (/proc/sys/fs/pipe-max-size).
    public const int PreferredCapacity = 1024 * 1024;

    private const int SetPipeSize = 1031;

    /// <summary>Asks for a larger pipe behind <paramref name="stream"/>; the default stays where the system says no.</summary>
    public static void TryGrow(Stream stream, int capacity = PreferredCapacity)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream { SafePipeHandle: { IsInvalid: false } handle })
        {
            return;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            _ = SetPipeCapacity((int)handle.DangerousGetHandle(), SetPipeSize, capacity);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int SetPipeCapacity(int fd, int command, int capacity);
}
