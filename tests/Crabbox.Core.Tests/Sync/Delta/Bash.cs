namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>Runs remote-side scripts for real with the local <c>bash</c>, as a provider's exec would.</summary>
internal static class Bash
{
    public static Task<ProcessResult> RunAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        TestProcess.RunAsync("/bin/bash", ["-c", script], workingDirectory, environment).WithTimeout();

    /// <summary>Runs the script and fails the test when it exits non-zero; returns its stdout.</summary>
    public static async Task<string> RunCheckedAsync(string script, string workingDirectory)
    {
        var result = await RunAsync(script, workingDirectory);
        Assert.True(result.ExitCode == 0, $"script exited {result.ExitCode}: {result.Error}\n{script}");
        return result.Output;
    }
}
