using System.Globalization;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Output;

/// <summary><c>crabbox list</c>: aligned text rows, or the Go crabbox's <c>Server</c> array as one JSON line.</summary>
public static class LeaseListRenderer
{
    /// <summary>
    /// One row per lease, no header:
    /// <c>%-20s %-28s %-12s %-14s %-15s lease=%s slug=%s keep=%s target=%s</c> (display id, name,
    /// status, server type, public IPv4), plus the <c>orphan</c> label value when present.
    /// </summary>
    public static void WriteText(TextWriter writer, IEnumerable<LeaseView> leases)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(leases);
        foreach (var lease in leases)
        {
            var slug = Slugs.Normalize(LabelMaps.Get(lease.Labels, "slug"));
            var orphan = LabelMaps.Get(lease.Labels, "orphan").Trim();
            writer.Write(
                $"{DisplayId(lease),-20} {lease.Name,-28} {lease.Status,-12} {lease.ServerType,-14} {lease.PublicIpv4,-15} " +
                $"lease={LabelMaps.Get(lease.Labels, "lease")} slug={(slug.Length > 0 ? slug : "-")} " +
                $"keep={LabelMaps.Get(lease.Labels, "keep")} target={LabelMaps.Get(lease.Labels, "target")}" +
                (orphan.Length > 0 ? " " + orphan : string.Empty) + "\n");
        }
    }

    /// <summary>A JSON array on one line (<c>[]</c> when empty) with the Go <c>Server</c> keys in their order.</summary>
    public static void WriteJson(TextWriter writer, IEnumerable<LeaseView> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var documents = leases.Select(lease => new ServerDocument
        {
            CloudId = lease.CloudId,
            Provider = lease.Provider,
            HostId = lease.HostId,
            Id = lease.NumericId,
            Name = lease.Name,
            Status = lease.Status,
            Labels = LabelMaps.Sorted(lease.Labels),
            PublicNet = ServerNetDocument.For(lease.PublicIpv4),
            PrivateNet = ServerNetDocument.For(lease.PrivateIpv4),
            ServerType = new ServerTypeDocument { Name = lease.ServerType },
        }).ToList();
        CoreJsonContext.WriteLine(writer, documents, CoreJsonContext.Compact.ListServerDocument);
    }

    private static string DisplayId(LeaseView lease) =>
        lease.CloudId.Length > 0 ? lease.CloudId : lease.NumericId.ToString(CultureInfo.InvariantCulture);
}
