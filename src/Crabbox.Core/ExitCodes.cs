namespace Crabbox.Core;

/// <summary>
/// The process exit codes crabbox uses for its own outcomes. A remote command's exit code is
/// passed through unchanged and is not listed here. Documented in docs/cli.md.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Generic failure: an unexpected error or a provider transport failure.</summary>
    public const int Failure = 1;

    /// <summary>Usage or configuration error: bad flag, bad config value, unknown provider.</summary>
    public const int Usage = 2;

    /// <summary>Authentication: missing or rejected credentials.</summary>
    public const int Auth = 3;

    /// <summary>Identity: unknown, unclaimed or foreign lease.</summary>
    public const int Identity = 4;

    /// <summary>Readiness and timeouts: a sandbox never became ready or entered a terminal state.</summary>
    public const int Readiness = 5;

    /// <summary>Sync: manifest, guardrail, archive or upload failure.</summary>
    public const int Sync = 6;

    /// <summary>Remote lifecycle or artifacts: cleanup failure, missing required artifact.</summary>
    public const int Lifecycle = 7;

    /// <summary>Interrupted by Ctrl-C (SIGINT) or SIGTERM.</summary>
    public const int Interrupted = 130;
}
