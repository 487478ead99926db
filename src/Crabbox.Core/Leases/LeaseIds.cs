using System.Buffers;
using System.Security.Cryptography;

namespace Crabbox.Core.Leases;

/// <summary>Identifier formats: lease ids (<c>cbx_</c> + 12 hex), run ids (<c>run_</c> + 12 hex) and claim file ids.</summary>
public static class LeaseIds
{
    public const string LeasePrefix = "cbx_";
    public const string RunPrefix = "run_";

    private static readonly SearchValues<char> s_forbidden = SearchValues.Create("<>:\"/\\|?*");

    /// <summary><c>cbx_</c> followed by 12 lowercase hex digits from a cryptographic RNG.</summary>
    public static string NewLeaseId() => LeasePrefix + RandomHex(6);

    /// <summary><c>run_</c> followed by 12 lowercase hex digits from a cryptographic RNG.</summary>
    public static string NewRunId() => RunPrefix + RandomHex(6);

    /// <summary>True for the canonical crabbox form <c>^cbx_[a-f0-9]{12}$</c>.</summary>
    public static bool IsCanonicalLeaseId(string? value) =>
        value is { Length: 16 } && value.StartsWith(LeasePrefix, StringComparison.Ordinal) && IsLowerHex(value.AsSpan(4));

    /// <summary>
    /// Whether <paramref name="leaseId"/> can name a claim file on every platform: not empty,
    /// not <c>.</c>/<c>..</c>, none of <c>&lt;&gt;:"/\|?*</c> or control characters, no trailing
    /// <c>.</c>, not a Windows device name, and no surrounding whitespace.
    /// </summary>
    public static bool IsValidClaimId(string? leaseId)
    {
        if (string.IsNullOrEmpty(leaseId) || leaseId is "." or ".." || leaseId != leaseId.Trim())
        {
            return false;
        }

        if (leaseId.AsSpan().ContainsAny(s_forbidden) || leaseId.EndsWith('.'))
        {
            return false;
        }

        foreach (var c in leaseId)
        {
            if (c < ' ')
            {
                return false;
            }
        }

        var stem = leaseId.ToUpperInvariant();
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            stem = stem[..dot];
        }

        if (stem is "CON" or "PRN" or "AUX" or "NUL")
        {
            return false;
        }

        return !(stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal))
            && stem[3] is >= '1' and <= '9');
    }

    /// <summary>Throws exit 2 <c>invalid lease id "&lt;id&gt;"</c> unless <see cref="IsValidClaimId"/>.</summary>
    public static void EnsureValidClaimId(string? leaseId)
    {
        if (!IsValidClaimId(leaseId))
        {
            throw CrabboxException.Usage($"invalid lease id \"{leaseId}\"");
        }
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
