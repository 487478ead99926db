using System.Runtime.InteropServices;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>Sends POSIX signals to child processes (.NET's Process can only kill).</summary>
internal static partial class Signals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT, what Ctrl-C in a terminal delivers.</summary>
    public static void Interrupt(int processId)
    {
        if (Kill(processId, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill -INT {processId} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
