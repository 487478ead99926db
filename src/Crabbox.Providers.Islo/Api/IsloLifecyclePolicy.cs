namespace Crabbox.Providers.Islo.Api;

/// <summary>Create-time <c>lifecycle</c> policy; durations in seconds, null turns a rule off.</summary>
internal sealed record IsloLifecyclePolicy
{
    public int? PauseAfterIdle { get; init; }

    public int? PauseAfter { get; init; }

    public int? DeleteAfter { get; init; }

    /// <summary><c>never</c> or <c>on_activity</c>.</summary>
    public string? AutoResume { get; init; }
}
