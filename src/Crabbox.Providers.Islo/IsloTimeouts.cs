namespace Crabbox.Providers.Islo;

/// <summary>The backend's fixed waits and bounds; tests shorten them.</summary>
internal sealed record IsloTimeouts
{
    public static IsloTimeouts Default { get; } = new();

    /// <summary>Deletes and temp-file cleanup run on their own timeout, even after Ctrl-C.</summary>
    public TimeSpan Cleanup { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Between readiness polls after create and while <c>ssh</c> waits.</summary>
    public TimeSpan ReadyPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Between polls of <c>status --wait</c>.</summary>
    public TimeSpan StatusPoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <c>ssh</c> waits for a starting or resuming sandbox.</summary>
    public TimeSpan SshReady { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Bound of one artifact read (the remote <c>timeout 15s</c> plus slack).</summary>
    public TimeSpan ArtifactRead { get; init; } = TimeSpan.FromSeconds(20);
}
