namespace Crabbox.Core.Output;

/// <summary>Labels as Go encodes a map: keys in ordinal order, nothing when empty.</summary>
internal static class LabelMaps
{
    public static SortedDictionary<string, string>? Sorted(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return null;
        }

        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    public static string Get(IReadOnlyDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var value) ? value : string.Empty;
}
