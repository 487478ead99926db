using System.Diagnostics;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Runs commands under bubblewrap: the host's system folders read-only (minus its password
/// hashes and SSH host keys), the sandbox's own workspace, tmp and home read-write, new
/// PID/IPC/UTS namespaces, shared network.
/// </summary>
internal sealed class BubblewrapLauncher(string bwrapPath, StateLayout layout) : ICommandLauncher
{
    private readonly Lazy<IReadOnlyList<string>> _systemArguments = new(() => BuildSystemArguments(layout));

    public SandboxIsolation Isolation => SandboxIsolation.Bubblewrap;

    public string? MapSystemPath(string sandboxPath) =>
        SandboxRoots.IsSystemPath(sandboxPath) && !IsUnder(sandboxPath, layout.Root) ? sandboxPath : null;

    public IReadOnlyDictionary<string, string> AdjustEnvironment(IReadOnlyDictionary<string, string> environment, SandboxPathResolver resolver, string workspace) =>
        environment;

    public ProcessStartInfo CreateStartInfo(LaunchRequest request)
    {
        var startInfo = new ProcessStartInfo(bwrapPath) { WorkingDirectory = request.Paths.Directory };
        var arguments = startInfo.ArgumentList;
        arguments.Add("--die-with-parent");
        arguments.Add("--new-session");
        arguments.Add("--unshare-pid");
        arguments.Add("--unshare-ipc");
        arguments.Add("--unshare-uts");
        arguments.Add("--hostname");
        arguments.Add(request.SandboxName);
        foreach (var argument in _systemArguments.Value)
        {
            arguments.Add(argument);
        }

        // This bind is also the marker ProcessTable uses to find a sandbox's processes.
        AddBind(arguments, "--bind", request.Paths.Workspace, SandboxRoots.Workspace);
        AddBind(arguments, "--bind", request.Paths.Tmp, SandboxRoots.Tmp);
        AddBind(arguments, "--bind", request.Paths.Home, SandboxRoots.Home);
        arguments.Add("--chdir");
        arguments.Add(request.Workdir);
        arguments.Add("--");
        foreach (var word in request.Command)
        {
            arguments.Add(word);
        }

        // The environment goes through bwrap's own environment (it passes it on unchanged)
        // instead of --setenv, so values such as tokens never show up in the host's argv.
        startInfo.Environment.Clear();
        foreach (var (key, value) in request.Environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    private static List<string> BuildSystemArguments(StateLayout layout)
    {
        var arguments = new List<string>();
        if (Environment.IsPrivilegedProcess)
        {
            // Root keeps every capability inside bwrap unless told otherwise (mknod + mount would escape).
            arguments.Add("--cap-drop");
            arguments.Add("ALL");
        }

        foreach (var directory in SandboxRoots.SystemDirectories)
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is { } target)
            {
                AddBind(arguments, "--symlink", target, directory);
            }
            else if (info.Exists)
            {
                AddBind(arguments, "--ro-bind", directory, directory);
            }
        }

        MaskHostSecrets(arguments);

        // resolv.conf is often a link into /run (systemd-resolved); bind its target so DNS works.
        if (File.ResolveLinkTarget("/etc/resolv.conf", returnFinalTarget: true) is { Exists: true } resolver
            && !SandboxRoots.IsSystemPath(resolver.FullName))
        {
            AddBind(arguments, "--ro-bind", resolver.FullName, resolver.FullName);
        }

        arguments.AddRange(["--dev", "/dev", "--tmpfs", "/dev/shm", "--proc", "/proc", "--symlink", "../tmp", "/var/tmp"]);

        // A state directory inside a bound system folder (say /opt/crabbox) would be readable: hide it.
        if (SandboxRoots.IsSystemPath(layout.Root))
        {
            arguments.Add("--tmpfs");
            arguments.Add(layout.Root);
        }

        return arguments;
    }

    /// <summary>Hides secrets of the host's bound <c>/etc</c>: the shadow files read as empty and <c>/etc/ssh</c> keeps only the client's configuration.</summary>
    private static void MaskHostSecrets(List<string> arguments)
    {
        if (new DirectoryInfo("/etc") is not { Exists: true, LinkTarget: null })
        {
            return;
        }

        foreach (var file in SandboxRoots.MaskedFiles.Where(File.Exists))
        {
            AddBind(arguments, "--ro-bind", "/dev/null", file);
        }

        if (new DirectoryInfo(SandboxRoots.SshDirectory) is not { Exists: true, LinkTarget: null })
        {
            return;
        }

        arguments.AddRange(["--tmpfs", SandboxRoots.SshDirectory]);
        foreach (var entry in SandboxRoots.SshClientEntries)
        {
            var path = Path.Combine(SandboxRoots.SshDirectory, entry);
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                AddBind(arguments, "--symlink", target, path);
            }
            else if (info.Exists || Directory.Exists(path))
            {
                AddBind(arguments, "--ro-bind", path, path);
            }
        }

        arguments.AddRange(["--remount-ro", SandboxRoots.SshDirectory]);
    }

    private static void AddBind(IList<string> arguments, string kind, string source, string destination)
    {
        arguments.Add(kind);
        arguments.Add(source);
        arguments.Add(destination);
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
}
