namespace Crabbox.Islo.Emulator.State;

/// <summary>Status values on the wire (the real service's vocabulary).</summary>
internal static class SandboxStatus
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
}
