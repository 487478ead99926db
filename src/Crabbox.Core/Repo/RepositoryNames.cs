namespace Crabbox.Core.Repo;

/// <summary>Derives a repository's short name from its remote URL.</summary>
internal static class RepositoryNames
{
    /// <summary>
    /// The last path segment of <paramref name="remoteUrl"/> without a <c>.git</c> suffix, for
    /// https (<c>https://github.com/owner/name.git</c>), scp-like ssh (<c>git@host:owner/name.git</c>),
    /// <c>ssh://</c>, <c>file://</c> URLs and plain paths; null when nothing usable remains.
    /// </summary>
    public static string? FromRemoteUrl(string? remoteUrl)
    {
        if (string.IsNullOrWhiteSpace(remoteUrl))
        {
            return null;
        }

        var url = remoteUrl.Trim();
        var end = url.IndexOfAny(['?', '#']);
        if (end >= 0 && url.Contains("://", StringComparison.Ordinal))
        {
            url = url[..end];
        }

        url = url.TrimEnd('/', '\\');
        var start = url.LastIndexOfAny(['/', '\\', ':']) + 1;
        var name = url[start..];
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return name.Length == 0 || name is "." or ".." ? null : name;
    }
}
