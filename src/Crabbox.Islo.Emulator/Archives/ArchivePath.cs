namespace Crabbox.Islo.Emulator.Archives;

/// <summary>Archive member names as relative, clean, slash-separated paths.</summary>
internal static class ArchivePath
{
    /// <summary>The clean relative path of an entry, or null for the archive root (<c>./</c>); throws for absolute or <c>..</c> names.</summary>
    public static string? Normalize(string name)
    {
        if (name.StartsWith('/'))
        {
            throw new ArchiveRejectedException($"entry {name} has an absolute path");
        }

        var parts = Split(name);
        if (parts.Contains(".."))
        {
            throw new ArchiveRejectedException($"entry {name} contains a .. component");
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    public static List<string> Split(string path) =>
        [.. path.Split('/').Where(static part => part is not ("" or "."))];
}
