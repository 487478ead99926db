namespace Crabbox.Providers.Islo.Api;

/// <summary>One page of <c>GET /sandboxes?limit=&amp;offset=</c>.</summary>
internal sealed record IsloSandboxPage
{
    public IReadOnlyList<IsloSandbox>? Items { get; init; }

    public int Total { get; init; }

    public int Limit { get; init; }

    public int Offset { get; init; }

    public string? NextCursor { get; init; }
}
