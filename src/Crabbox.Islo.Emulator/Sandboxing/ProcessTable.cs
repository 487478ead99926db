using System.Text;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Finds a sandbox's processes through <c>/proc</c>: bubblewrap processes whose argv binds the
/// sandbox's workspace, host-mode processes whose environment names it, the processes this host
/// started, and all their descendants. Works across hosts sharing a state directory.
/// </summary>
internal static class ProcessTable
{
    public static bool IsAvailable { get; } = Directory.Exists("/proc/self");

    public static HashSet<int> FindSandboxProcesses(SandboxPaths paths, IEnumerable<int> knownRoots)
    {
        var found = new HashSet<int>(knownRoots);
        if (!IsAvailable)
        {
            return found;
        }

        var self = Environment.ProcessId;
        var parents = new Dictionary<int, int>();
        var bindMarker = Encoding.UTF8.GetBytes($"\0{paths.Workspace}\0{SandboxRoots.Workspace}\0");
        var environmentMarker = Encoding.UTF8.GetBytes($"\0{HostLauncher.WorkspaceVariable}={paths.Workspace}\0");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var processId) || processId == self || ReadParent(directory) is not { } parent)
            {
                continue;
            }

            parents[processId] = parent;
            if (IsMarked(directory, bindMarker, environmentMarker))
            {
                found.Add(processId);
            }
        }

        found.IntersectWith(parents.Keys);
        AddDescendants(found, parents);
        return found;
    }

    private static void AddDescendants(HashSet<int> found, Dictionary<int, int> parents)
    {
        var added = true;
        while (added)
        {
            added = false;
            foreach (var (processId, parent) in parents)
            {
                if (found.Contains(parent) && found.Add(processId))
                {
                    added = true;
                }
            }
        }
    }

    private static bool IsMarked(string directory, byte[] bindMarker, byte[] environmentMarker)
    {
        var command = ReadBytes(Path.Combine(directory, "comm"));
        if (command is not null && Encoding.UTF8.GetString(command).Trim() == "bwrap")
        {
            return Contains(ReadBytes(Path.Combine(directory, "cmdline")), bindMarker);
        }

        return Contains(ReadBytes(Path.Combine(directory, "environ")), environmentMarker);
    }

    private static bool Contains(byte[]? content, byte[] marker)
    {
        if (content is null)
        {
            return false;
        }

        // The marker starts with a NUL that the first entry lacks; look at it with one prepended.
        var padded = new byte[content.Length + 1];
        content.CopyTo(padded, 1);
        return padded.AsSpan().IndexOf(marker) >= 0;
    }

    private static int? ReadParent(string directory)
    {
        var stat = ReadBytes(Path.Combine(directory, "stat"));
        if (stat is null)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        var text = Encoding.UTF8.GetString(stat);
        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : null;
    }

    private static byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
