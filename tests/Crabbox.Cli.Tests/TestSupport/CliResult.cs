namespace Crabbox.Cli.Tests.TestSupport;

/// <summary>What one crabbox invocation produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
