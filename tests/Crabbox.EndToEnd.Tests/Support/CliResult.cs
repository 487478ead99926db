using System.Text;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>How a crabbox process ended: its exit code, raw stdout bytes and stderr text.</summary>
internal sealed record CliResult(int ExitCode, byte[] StandardOutput, string Error)
{
    /// <summary>Stdout decoded as UTF-8 (invalid bytes become U+FFFD, so a broken split shows up).</summary>
    public string Output => Encoding.UTF8.GetString(StandardOutput);

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything the process printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
