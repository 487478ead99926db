using System.Security.Cryptography;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Sandbox names and lease ids. crabbox names its sandboxes <c>crabbox-&lt;repo&gt;-&lt;6 hex&gt;</c>;
/// a name counts as crabbox's own only in that canonical form (already slug-normalized and
/// starting with <c>crabbox-</c>), so ids needing normalization are rejected, never rewritten.
/// </summary>
internal static class IsloNames
{
    public const string LeasePrefix = "isb_";
    private const string NamePrefix = "crabbox-";

    /// <summary><c>crabbox-&lt;normalized repo name, without a leading crabbox-&gt;-&lt;6 random hex&gt;</c>.</summary>
    public static string NewSandboxName(string? repoName)
    {
        var baseName = Slugs.Normalize(repoName);
        if (baseName.Length == 0)
        {
            baseName = "crabbox";
        }

        if (baseName.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            baseName = baseName[NamePrefix.Length..];
        }

        return NamePrefix + baseName + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    }

    public static bool IsCanonical(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.StartsWith(NamePrefix, StringComparison.Ordinal)
        && string.Equals(Slugs.Normalize(name), name, StringComparison.Ordinal);

    public static string LeaseId(string sandboxName) => LeasePrefix + sandboxName;

    /// <summary>The sandbox name of an <c>isb_</c> lease id, or null for other ids.</summary>
    public static string? SandboxName(string leaseId) =>
        leaseId.StartsWith(LeasePrefix, StringComparison.Ordinal) ? leaseId[LeasePrefix.Length..] : null;

    /// <summary><c>crabbox stop --provider &lt;p&gt; '&lt;leaseId&gt;'</c>, the id always single-quoted.</summary>
    public static string CleanupCommand(string providerName, string leaseId) =>
        $"crabbox stop --provider {providerName} {ShellQuote.Quote(leaseId)}";

    /// <summary>
    /// How to remove a sandbox no claim records (stop refuses those): adopt it with a no-op
    /// <c>--reclaim</c> run, then stop it. Reads <c>first run `…`, then run `…`</c>.
    /// </summary>
    public static string AdoptThenStopHint(string providerName, string leaseId) =>
        $"first run `crabbox run --provider {providerName} --id {ShellQuote.Quote(leaseId)} --reclaim --no-sync -- true`, "
        + $"then run `{CleanupCommand(providerName, leaseId)}`";
}
