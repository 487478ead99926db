using System.CommandLine;

namespace Crabbox.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    /// <summary>Show stack traces for unexpected errors.</summary>
    public static Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Print stack traces and extra diagnostics on errors",
        Recursive = true,
    };
}
