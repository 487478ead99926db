using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Core.Output;

/// <summary>
/// The pasteable <c>ssh</c> line <c>crabbox ssh</c> prints: the same hardened options crabbox
/// would use itself (no forwarding, batch mode, keepalives, per-lease known_hosts, connection
/// multiplexing), every word shell-quoted only where needed.
/// </summary>
public static class SshCommandRenderer
{
    /// <summary><c>ssh &lt;options&gt; user@host</c>, without a trailing newline.</summary>
    public static string Format(SshTarget target) =>
        "ssh " + ShellQuote.Join(Arguments(target, OperatingSystem.IsWindows()));

    /// <summary>Writes <see cref="Format"/> and a newline.</summary>
    public static void Write(TextWriter writer, SshTarget target)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format(target) + "\n");
    }

    /// <summary>The argument vector after <c>ssh</c>; Windows OpenSSH gets multiplexing turned off (it has no Unix sockets).</summary>
    internal static IReadOnlyList<string> Arguments(SshTarget target, bool windows)
    {
        ArgumentNullException.ThrowIfNull(target);
        var args = new List<string>();
        if (!string.IsNullOrEmpty(target.KeyPath))
        {
            args.AddRange(["-i", target.KeyPath, "-o", "IdentitiesOnly=yes"]);
        }

        args.AddRange(
        [
            "-o", "ForwardAgent=no",
            "-o", "ForwardX11=no",
            "-o", "ForwardX11Trusted=no",
            "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=10",
            "-o", "ConnectionAttempts=3",
            "-o", "ServerAliveInterval=15",
            "-o", "ServerAliveCountMax=2",
            "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        if (!string.IsNullOrEmpty(target.KnownHostsFile))
        {
            args.AddRange(["-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + SshConfigValue(target.KnownHostsFile)]);
        }

        if (windows)
        {
            args.AddRange(["-o", "ControlMaster=no", "-o", "ControlPath=none", "-o", "ControlPersist=no"]);
        }
        else
        {
            args.AddRange(["-o", "ControlMaster=auto", "-o", "ControlPersist=10m", "-o", "ControlPath=" + ControlPath(target)]);
        }

        args.Add(target.User + "@" + target.Host);
        return args;
    }

    /// <summary>
    /// <c>/tmp/crabbox-ssh-&lt;8 hex&gt;-%C</c>, scoped by user, key and known_hosts file so leases with
    /// different credentials never share a master connection. Same derivation as the Go crabbox,
    /// so both tools reuse each other's masters.
    /// </summary>
    internal static string ControlPath(SshTarget target)
    {
        // User, key, certificate, known_hosts, host key alias, pinned host key, proxy command.
        var scope = string.Join('\0', target.User, target.KeyPath ?? string.Empty, string.Empty, target.KnownHostsFile ?? string.Empty, string.Empty, string.Empty, string.Empty);
#pragma warning disable CA5350 // Not a security use: a short stable name for a socket path.
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(scope));
#pragma warning restore CA5350
        return "/tmp/crabbox-ssh-" + Convert.ToHexStringLower(digest.AsSpan(0, 4)) + "-%C";
    }

    // ssh_config values with blanks or quotes must be double-quoted inside the -o argument.
    private static string SshConfigValue(string path) =>
        path.AsSpan().IndexOfAny(" \t\"'") < 0
            ? path
            : "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
