namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The effective origin of a URL: lowercase scheme, lowercase host and an explicit port (80/443
/// when the URL has none), rendered <c>scheme://host:port</c>. So <c>https://api.islo.dev:443</c>
/// and <c>https://api.islo.dev</c> are one origin, <c>:444</c> another. Never carries a path.
/// </summary>
internal static class IsloOrigin
{
    public static string Of(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        // Uri.Port is already the scheme default (80/443) when the URL names none.
        return scheme + "://" + uri.Host.ToLowerInvariant() + ":" + uri.Port;
    }
}
