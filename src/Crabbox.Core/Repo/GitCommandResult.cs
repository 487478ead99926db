namespace Crabbox.Core.Repo;

/// <summary>A finished <c>git</c> process: exit code, stdout and stderr text.</summary>
internal sealed record GitCommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first non-empty stderr line, or a placeholder when git printed nothing.</summary>
    public string FirstErrorLine =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
        ?? $"exit code {ExitCode}";
}
