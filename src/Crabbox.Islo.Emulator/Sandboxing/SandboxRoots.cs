namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>The sandbox paths backed by the sandbox's own folders; everything else is the host's read-only system.</summary>
internal static class SandboxRoots
{
    public const string Workspace = "/workspace";
    public const string Tmp = "/tmp";
    public const string Home = "/home/islo";

    /// <summary>Host folders bound read-only into every bubblewrap sandbox, when they exist.</summary>
    public static readonly IReadOnlyList<string> SystemDirectories =
        ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt"];

    /// <summary>Whether <paramref name="path"/> (absolute, normalized) lies in one of <see cref="SystemDirectories"/>.</summary>
    public static bool IsSystemPath(string path) =>
        SystemDirectories.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal));
}
