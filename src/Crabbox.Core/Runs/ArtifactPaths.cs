using System.Text.RegularExpressions;

namespace Crabbox.Core.Runs;

/// <summary>
/// Rules for remote paths named by <c>--download</c> and <c>--require-artifact</c>: a safe,
/// relative file path inside the remote workspace, never a glob, URL, absolute path or a path
/// into <c>.git</c> or <c>.crabbox</c>.
/// </summary>
public static partial class ArtifactPaths
{
    /// <summary>Parses <c>remote=local</c> (split at the first '='), validating the remote path.</summary>
    public static DownloadSpec ParseDownload(string value)
    {
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        var remote = separator < 0 ? string.Empty : value[..separator].Trim();
        var local = separator < 0 ? string.Empty : value[(separator + 1)..].Trim();
        if (remote.Length == 0 || local.Length == 0)
        {
            throw CrabboxException.Usage("--download expects remote=local");
        }

        return new DownloadSpec(Validate("--download", remote), local);
    }

    /// <summary>Returns the cleaned relative path, or throws a usage error naming <paramref name="flag"/>.</summary>
    public static string Validate(string flag, string path)
    {
        var trimmed = path.Trim();
        if (trimmed.Length == 0)
        {
            throw CrabboxException.Usage($"{flag} requires a non-empty remote path");
        }

        var cleaned = PosixPath.Clean(trimmed);
        if (cleaned == "." || cleaned.StartsWith('/') || cleaned.StartsWith('-')
            || cleaned.IndexOfAny(['*', '?', ':', '\\', '{', '}']) >= 0
            || cleaned.Contains("..", StringComparison.Ordinal)
            || cleaned.Split('/').Any(part => part is ".git" or ".crabbox")
            || !SafeCharacters().IsMatch(cleaned))
        {
            throw CrabboxException.Usage($"{flag} for delegated providers requires a safe relative file path: {cleaned}");
        }

        return cleaned;
    }

    [GeneratedRegex("^[A-Za-z0-9_./*?@+=:,-]+$")]
    private static partial Regex SafeCharacters();
}
