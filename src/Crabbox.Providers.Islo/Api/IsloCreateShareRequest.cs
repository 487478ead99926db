namespace Crabbox.Providers.Islo.Api;

/// <summary>Body of <c>POST /sandboxes/{name}/shares</c>; <c>ttl_seconds</c> omitted when null.</summary>
internal sealed record IsloCreateShareRequest
{
    public required int Port { get; init; }

    public int? TtlSeconds { get; init; }
}
