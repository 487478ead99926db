using System.Diagnostics;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Runs commands as plain host processes (no bubblewrap): only the working directory and the
/// environment (HOME, TMPDIR, ISLO_EMULATOR_WORKSPACE) are mapped to the sandbox's folders.
/// Nothing stops such a command from reading or writing any file the emulator's user can.
/// </summary>
internal sealed class HostLauncher : ICommandLauncher
{
    /// <summary>Host path of the sandbox's <c>/workspace</c>, given to every host-mode command.</summary>
    public const string WorkspaceVariable = "ISLO_EMULATOR_WORKSPACE";

    public SandboxIsolation Isolation => SandboxIsolation.Host;

    public string? MapSystemPath(string sandboxPath) => sandboxPath;

    public IReadOnlyDictionary<string, string> AdjustEnvironment(IReadOnlyDictionary<string, string> environment, SandboxPathResolver resolver, string workspace)
    {
        var adjusted = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        adjusted["HOME"] = MapValue(adjusted.GetValueOrDefault("HOME", SandboxRoots.Home), resolver);
        adjusted["TMPDIR"] = MapValue(adjusted.GetValueOrDefault("TMPDIR", SandboxRoots.Tmp), resolver);
        adjusted[WorkspaceVariable] = workspace;
        return adjusted;
    }

    public ProcessStartInfo CreateStartInfo(LaunchRequest request)
    {
        var startInfo = new ProcessStartInfo(request.HostExecutable) { WorkingDirectory = request.HostWorkdir };
        foreach (var word in request.Command.Skip(1))
        {
            startInfo.ArgumentList.Add(word);
        }

        startInfo.Environment.Clear();
        foreach (var (key, value) in request.Environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    private static string MapValue(string value, SandboxPathResolver resolver) => resolver.MapLexically(value) ?? value;
}
