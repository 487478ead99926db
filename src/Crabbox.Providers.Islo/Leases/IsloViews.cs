using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Leases;

/// <summary>How Islo sandboxes appear in <c>crabbox status</c> and <c>crabbox list</c>.</summary>
internal static class IsloViews
{
    public const string Target = "linux";

    public static StatusView Status(string provider, IsloLease lease, IsloSandbox sandbox, LeaseClaim? claim)
    {
        var state = sandbox.Status ?? string.Empty;
        return new StatusView
        {
            Id = lease.LeaseId,
            Slug = Slugs.Normalize(lease.Slug),
            Provider = provider,
            Target = Target,
            State = state,
            ServerId = string.IsNullOrEmpty(sandbox.Name) ? lease.Name : sandbox.Name,
            ServerType = sandbox.Image ?? string.Empty,
            Network = "public",
            Labels = Labels(provider, lease.LeaseId, lease.Slug, state, claim, withTarget: false),
            HasHost = false,
            Ready = IsloSandboxStatus.IsReady(sandbox.Status),
        };
    }

    /// <summary>A list row: the sandbox's UUID as cloud id, its name and status, and crabbox's labels.</summary>
    public static LeaseView List(string provider, IsloSandbox sandbox, LeaseClaim? claim)
    {
        var name = sandbox.Name!;
        var leaseId = IsloNames.LeaseId(name);
        var slug = string.IsNullOrWhiteSpace(claim?.Slug) ? Slugs.Generate(leaseId) : claim.Slug;
        var state = sandbox.Status ?? string.Empty;
        return new LeaseView
        {
            CloudId = sandbox.Id ?? string.Empty,
            Provider = provider,
            Name = name,
            Status = state,
            Labels = Labels(provider, leaseId, slug, state, claim, withTarget: true),
        };
    }

    private static Dictionary<string, string> Labels(string provider, string leaseId, string slug, string state, LeaseClaim? claim, bool withTarget)
    {
        // Labels another tool stored on the claim come first, so crabbox's own keys win.
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in claim?.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        labels["provider"] = provider;
        labels["lease"] = leaseId;
        labels["slug"] = Slugs.Normalize(slug);
        if (withTarget)
        {
            labels["target"] = Target;
        }

        labels["state"] = state;
        if (!string.IsNullOrWhiteSpace(claim?.Pond))
        {
            labels["pond"] = Slugs.Normalize(claim.Pond);
        }

        return labels;
    }
}
