using System.Globalization;

namespace Crabbox.Core.Output;

/// <summary><c>crabbox pond peers</c>: an aligned table for people, or one JSON array of URLs for scripts.</summary>
public static class PeerListRenderer
{
    private static readonly string[] s_header = ["SLUG", "SANDBOX", "PORT", "URL", "EXPIRES"];

    /// <summary>
    /// A header and one row per URL; a sandbox without URLs gets one row of <c>-</c> so every
    /// member of the pond is visible. Nothing at all is written for no rows.
    /// </summary>
    public static void WriteText(TextWriter writer, IEnumerable<PeerView> peers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(peers);
        var rows = peers.Select(Cells).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        rows.Insert(0, s_header);
        var widths = Enumerable.Range(0, s_header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column])));
            writer.Write(line.TrimEnd() + "\n");
        }
    }

    /// <summary>One JSON line: an array (<c>[]</c> when empty) with one object per URL; sandboxes without URLs are left out.</summary>
    public static void WriteJson(TextWriter writer, IEnumerable<PeerView> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var documents = peers
            .Where(peer => peer.Target is not null)
            .Select(peer => new PeerDocument
            {
                LeaseId = peer.LeaseId,
                Slug = peer.Slug,
                Sandbox = peer.Sandbox,
                Port = peer.Target!.Port,
                Url = peer.Target.Url,
                ShareId = string.IsNullOrEmpty(peer.Target.ShareId) ? null : peer.Target.ShareId,
                ExpiresAt = peer.Target.ExpiresAt is { } expires ? Rfc3339.Format(expires) : null,
            })
            .ToList();
        CoreJsonContext.WriteLine(writer, documents, CoreJsonContext.Compact.ListPeerDocument);
    }

    private static string[] Cells(PeerView peer) => peer.Target is { } target
        ? [Dash(peer.Slug), peer.Sandbox, target.Port.ToString(CultureInfo.InvariantCulture), target.Url, target.ExpiresAt is { } expires ? Rfc3339.Format(expires) : "-"]
        : [Dash(peer.Slug), peer.Sandbox, "-", "-", "-"];

    private static string Dash(string value) => string.IsNullOrWhiteSpace(value) ? "-" : value;
}
