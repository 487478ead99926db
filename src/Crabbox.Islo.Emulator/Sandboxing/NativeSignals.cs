using System.Runtime.InteropServices;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>kill(2): .NET has no managed way to send SIGSTOP or SIGCONT.</summary>
internal static partial class NativeSignals
{
    public const int Kill = 9;

    public static int Stop => OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 17 : 19;

    public static int Continue => OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 19 : 18;

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone or not ours.</summary>
    public static bool Send(int processId, int signal) => SendSignal(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);
}
