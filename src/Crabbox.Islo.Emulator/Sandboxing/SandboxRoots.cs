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

    /// <summary>Host files inside the bound <c>/etc</c> that sandboxes read as empty: password hashes, readable when crabbox runs as root.</summary>
    public static readonly IReadOnlyList<string> MaskedFiles = ["/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-"];

    /// <summary>Replaced by an empty read-only folder in sandboxes (it holds SSH host private keys), except <see cref="SshClientEntries"/>.</summary>
    public const string SshDirectory = "/etc/ssh";

    /// <summary>The SSH client's configuration under <see cref="SshDirectory"/>, which stays visible.</summary>
    public static readonly IReadOnlyList<string> SshClientEntries = ["ssh_config", "ssh_config.d", "ssh_known_hosts"];

    /// <summary>Whether <paramref name="path"/> (absolute, normalized) lies in one of <see cref="SystemDirectories"/>.</summary>
    public static bool IsSystemPath(string path) =>
        SystemDirectories.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal));
}
