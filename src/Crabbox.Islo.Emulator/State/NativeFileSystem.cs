using System.Runtime.InteropServices;

namespace Crabbox.Islo.Emulator.State;

/// <summary>rename(2): moves a file, folder or symbolic link (never following it), atomically.</summary>
internal static partial class NativeFileSystem
{
    public static void Rename(string source, string destination)
    {
        if (RenameNative(source, destination) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"rename {source} to {destination}: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string source, string destination);
}
