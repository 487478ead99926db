using Crabbox.Core;
using Crabbox.Core.Output;

namespace Crabbox.Cli.Hosting;

/// <summary>
/// What one crabbox invocation runs against: its console, environment snapshot, working
/// directory and clock. Tests replace it to run commands in parallel without touching the process.
/// </summary>
internal sealed record CliEnvironment
{
    public required IConsole Console { get; init; }

    public required EnvironmentVariables Variables { get; init; }

    public required string WorkingDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public CrabboxPaths Paths => new(Variables);

    public static CliEnvironment FromProcess() => new()
    {
        Console = new SystemConsole(),
        Variables = EnvironmentVariables.FromProcess(),
        WorkingDirectory = Directory.GetCurrentDirectory(),
    };
}
