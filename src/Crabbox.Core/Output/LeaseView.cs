namespace Crabbox.Core.Output;

/// <summary>
/// One lease as <c>crabbox list</c> shows it. The JSON renderer emits the Go crabbox's server
/// shape (<c>CloudID</c>, <c>Provider</c>, <c>HostID</c>, <c>id</c>, <c>name</c>, <c>status</c>,
/// <c>labels</c>, <c>public_net</c>, <c>private_net</c>, <c>server_type</c>) so dashboards built for it keep working.
/// </summary>
public sealed record LeaseView
{
    /// <summary>The provider's own id for the resource (e.g. the sandbox UUID).</summary>
    public string CloudId { get; init; } = string.Empty;

    public required string Provider { get; init; }

    public string HostId { get; init; } = string.Empty;

    public long NumericId { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    /// <summary>Labels such as <c>lease</c>, <c>slug</c>, <c>provider</c>, <c>target</c>, <c>state</c>, <c>pond</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string PublicIpv4 { get; init; } = string.Empty;

    public string PrivateIpv4 { get; init; } = string.Empty;

    public string ServerType { get; init; } = string.Empty;
}
