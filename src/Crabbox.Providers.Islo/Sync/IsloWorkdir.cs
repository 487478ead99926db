using Crabbox.Core;
using Crabbox.Core.Runs;

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

        var cleaned = PosixPath.Clean(trimmed);
        if (cleaned is "." or ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
        {
            throw CrabboxException.Usage($"islo workdir \"{cleaned}\" escapes {Root}");
        }

        return Root + "/" + cleaned;
    }
}
