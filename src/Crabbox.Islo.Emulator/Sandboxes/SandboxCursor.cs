using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxes;

/// <summary>
/// The opaque <c>next_cursor</c>: the sort key (creation time, name) of the last item returned,
/// so the next page starts after it even if sandboxes were created or deleted meanwhile.
/// </summary>
internal static class SandboxCursor
{
    public static string Encode(SandboxRecord last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.Name}"));

    /// <summary>The index in <paramref name="sorted"/> of the first item after the cursor.</summary>
    public static int StartIndex(string cursor, IReadOnlyList<SandboxRecord> sorted)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw ApiException.Validation("cursor is not valid");
        }

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw ApiException.Validation("cursor is not valid");
        }

        var name = text[(separator + 1)..];
        for (var index = 0; index < sorted.Count; index++)
        {
            var ticksCompare = sorted[index].CreatedAt.UtcTicks.CompareTo(ticks);
            if (ticksCompare > 0 || (ticksCompare == 0 && string.CompareOrdinal(sorted[index].Name, name) > 0))
            {
                return index;
            }
        }

        return sorted.Count;
    }
}
