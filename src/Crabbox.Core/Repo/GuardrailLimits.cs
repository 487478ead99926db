namespace Crabbox.Core.Repo;

/// <summary>The thresholds a verdict was computed with; zero or less disables one.</summary>
public sealed record GuardrailLimits(long WarnFiles, long WarnBytes, long FailFiles, long FailBytes)
{
    public static GuardrailLimits From(SyncSettings settings) =>
        new(settings.WarnFiles, settings.WarnBytes, settings.FailFiles, settings.FailBytes);
}
