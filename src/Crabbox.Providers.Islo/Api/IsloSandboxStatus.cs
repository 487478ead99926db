namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Islo's sandbox status vocabulary. Only <c>running</c> is ready (legacy <c>ready</c>,
/// <c>started</c>, <c>active</c> are no longer emitted and do not count); <c>failed</c>,
/// <c>stopped</c>, <c>stopping</c> and <c>deleted</c> are terminal. Comparisons are trimmed and
/// case-insensitive.
/// </summary>
internal static class IsloSandboxStatus
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopping = "stopping";
    public const string Stopped = "stopped";
    public const string Failed = "failed";
    public const string Deleted = "deleted";

    private static readonly string[] s_terminal = [Failed, Stopped, Stopping, Deleted];

    public static bool IsReady(string? status) => Is(status, Running);

    public static bool IsTerminal(string? status) => s_terminal.Any(terminal => Is(status, terminal));

    private static bool Is(string? status, string value) =>
        status is not null && status.Trim().Equals(value, StringComparison.OrdinalIgnoreCase);
}
