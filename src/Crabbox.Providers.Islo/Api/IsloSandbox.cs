namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// A sandbox as Islo reports it (create, get, list, pause, resume). Unknown fields are ignored
/// and every field may be missing, so callers check what they rely on (e.g. <see cref="Name"/>).
/// Timestamps stay strings: Islo documents them as RFC 3339 but the SDKs type them as text.
/// </summary>
internal sealed record IsloSandbox
{
    /// <summary>The stable public id (a UUID); per-sandbox routes take <see cref="Name"/>.</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>A free string; see <see cref="IsloSandboxStatus"/>.</summary>
    public string? Status { get; init; }

    public string? Image { get; init; }

    public string? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? CreationPhase { get; init; }

    public IsloSandboxSpec? Spec { get; init; }

    public string? Workdir { get; init; }
}
