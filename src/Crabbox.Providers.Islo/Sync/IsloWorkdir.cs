using Crabbox.Core;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>
/// The remote workspace: <c>/workspace/&lt;islo.workdir&gt;</c>. The workdir must stay relative and
/// under <c>/workspace</c> after lexical cleaning; it is checked before any API call because it
/// ends up in <c>rm -rf</c> commands.
/// </summary>
internal static class IsloWorkdir
{
    public const string Root = "/workspace";

    /// <summary>The absolute workspace path; exit 2 for an absolute or escaping workdir.</summary>
    public static string Resolve(string? workdir)
    {
        var trimmed = workdir?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            trimmed = IsloConfigKeys.DefaultWorkdir;
        }

        if (trimmed.StartsWith('/'))
        {
            throw CrabboxException.Usage($"islo workdir \"{trimmed}\" must be relative under {Root}");
        }

        var cleaned = Clean(trimmed);
        if (cleaned is "." or ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
        {
            throw CrabboxException.Usage($"islo workdir \"{cleaned}\" escapes {Root}");
        }

        return Root + "/" + cleaned;
    }

    /// <summary>Lexical cleaning of a relative path: collapses separators and <c>.</c>, resolves <c>..</c> where it can.</summary>
    private static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
