using System.Diagnostics;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>
/// Starts the built crabbox CLI (the apphost copied next to the tests by the Crabbox.Cli project
/// reference) with an environment the test controls completely: nothing from the test process
/// leaks in (no CRABBOX_*, ISLO_*, real HOME or XDG folders), only what is listed here.
/// </summary>
internal static class CrabboxCli
{
    /// <summary>The embedded provider: sandboxes from an emulator hosted inside each crabbox process.</summary>
    public const string Local = "local";

    /// <summary>Bound for one command that is expected to finish on its own.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string s_path = System.Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } path
        ? path
        : "/usr/local/bin:/usr/bin:/bin";

    public static string Executable { get; } = Locate();

    /// <summary>
    /// The .NET install running these tests (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ is the
    /// runtime folder), so the apphost finds the same runtime without the machine-wide defaults.
    /// </summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>Runs <c>crabbox <paramref name="arguments"/></c> to completion (bounded by <see cref="Timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(
        CrabboxHome home,
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        Stream? standardOutput = null)
    {
        await using var process = Start(home, workingDirectory, arguments, environment, standardOutput);
        return await process.WaitForExitAsync(Timeout);
    }

    /// <summary>Starts crabbox and returns at once; the caller waits, signals and disposes it.</summary>
    public static CliProcess Start(
        CrabboxHome home,
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        Stream? standardOutput = null)
    {
        // Through env(1): a process started from a non-interactive shell's background job inherits
        // SIGINT as ignored, and .NET then never delivers it to crabbox's Ctrl-C handler. Resetting
        // it to the default keeps the Ctrl-C tests meaningful however the test run was launched;
        // env execs crabbox in place, so the pid is crabbox's own.
        var startInfo = new ProcessStartInfo("/usr/bin/env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("--default-signal=INT");
        startInfo.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in Environment(home, environment))
        {
            startInfo.Environment[name] = value;
        }

        return CliProcess.Start(startInfo, standardOutput);
    }

    /// <summary><c>crabbox list --provider &lt;provider&gt; --json</c>, parsed; fails unless it exits 0.</summary>
    public static async Task<IReadOnlyList<ListedSandbox>> ListAsync(
        CrabboxHome home, string workingDirectory, string provider = Local, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(home, workingDirectory, ["list", "--provider", provider, "--json"], environment);
        CliAssert.ExitCode(0, result);
        return ListedSandbox.ParseAll(result.Output);
    }

    /// <summary><c>crabbox warmup --provider local</c>; fails unless it exits 0, returns the leased sandbox from stdout.</summary>
    public static async Task<LeasedSandbox> WarmupAsync(CrabboxHome home, string workingDirectory)
    {
        var result = await RunAsync(home, workingDirectory, ["warmup", "--provider", Local]);
        CliAssert.ExitCode(0, result);
        return LeasedSandbox.Parse(result.Output);
    }

    /// <summary>The whole environment crabbox sees: private folders, PATH, the .NET root, and <paramref name="extra"/> on top.</summary>
    public static Dictionary<string, string> Environment(CrabboxHome home, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = s_path,
            ["HOME"] = home.Home,
            ["XDG_CONFIG_HOME"] = home.ConfigHome,
            ["XDG_STATE_HOME"] = home.StateHome,
            ["TMPDIR"] = home.Temp,
            ["DOTNET_ROOT"] = DotnetRoot,
            // Bubblewrap is required here and in CI: never let the local provider fall back to host processes.
            ["CRABBOX_LOCAL_ISOLATION"] = "bubblewrap",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Locate()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "crabbox.exe" : "crabbox");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"{executable} not found: the Crabbox.Cli project reference should copy the apphost next to the tests");
    }
}
