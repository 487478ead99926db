namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The create-time <c>init</c> union, tagged by <c>type</c>: <c>{"type":"minimal"}</c>,
/// <c>{"type":"full"}</c> or <c>{"type":"custom","capabilities":[...],"await_ready":true}</c>.
/// Raw requests without <c>init</c> get the server's legacy full init.
/// </summary>
internal sealed record IsloSandboxInit
{
    public static IsloSandboxInit Minimal { get; } = new() { Type = "minimal" };

    public static IsloSandboxInit Full { get; } = new() { Type = "full" };

    public required string Type { get; init; }

    /// <summary>For <c>custom</c>: <c>ssh</c>, <c>docker</c>.</summary>
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>For <c>custom</c>: block until the capabilities answer.</summary>
    public bool? AwaitReady { get; init; }
}
