namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Every Islo route, built in one place. Sandbox names are escaped as one path segment on every
/// route; the Go reference leaves exec/stream unescaped, we escape it too so a name can never
/// reach another route. Query values are URL-encoded.
/// </summary>
internal static class IsloRoutes
{
    public const int ListPageSize = 100;

    // POST /auth/token (control plane)
    public const string AuthToken = "/auth/token";

    // POST /sandboxes
    public const string Sandboxes = "/sandboxes";

    public static string SandboxList(int offset) => $"/sandboxes?limit={ListPageSize}&offset={offset}";

    public static string Sandbox(string name) => "/sandboxes/" + Segment(name);

    public static string Pause(string name) => Sandbox(name) + "/pause";

    public static string Resume(string name) => Sandbox(name) + "/resume";

    public static string Stop(string name) => Sandbox(name) + "/stop";

    public static string Exec(string name) => Sandbox(name) + "/exec";

    public static string ExecStream(string name) => Sandbox(name) + "/exec/stream";

    public static string ExecResult(string name, string execId) => Sandbox(name) + "/exec/" + Segment(execId);

    public static string FilesArchive(string name, string directory) =>
        Sandbox(name) + "/files-archive?path=" + Uri.EscapeDataString(directory);

    public static string Files(string name, string path) => Sandbox(name) + "/files?path=" + Uri.EscapeDataString(path);

    public static string Shares(string name) => Sandbox(name) + "/shares";

    /// <summary>Appends <paramref name="route"/> to <paramref name="baseUrl"/>, keeping its path prefix.</summary>
    public static Uri Combine(Uri baseUrl, string route) => new(baseUrl.AbsoluteUri.TrimEnd('/') + route);

    private static string Segment(string value)
    {
        // "." and ".." survive escaping and would be collapsed by URI normalization into another route.
        if (string.IsNullOrEmpty(value) || value is "." or "..")
        {
            throw new ArgumentException($"invalid islo path segment \"{value}\"", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }
}
