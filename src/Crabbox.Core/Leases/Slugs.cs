using System.Text;

namespace Crabbox.Core.Leases;

/// <summary>
/// Friendly lease slugs (<c>tidal-lobster</c>): derived from the lease id, normalized the same way
/// everywhere, so a user can type a slug instead of an id.
/// </summary>
public static class Slugs
{
    /// <summary>Longest slug a user may request (after normalization); also the base length before a collision suffix.</summary>
    public const int MaxLength = 41;

    private static readonly string[] s_adjectives =
    [
        "amber", "blue", "brisk", "coral", "crimson", "golden", "harbor",
        "jade", "pearl", "quick", "silver", "swift", "tidal", "violet",
    ];

    private static readonly string[] s_nouns =
    [
        "barnacle", "crab", "crayfish", "hermit", "krill", "lobster", "prawn", "shrimp",
    ];

    /// <summary>
    /// Lowercases, keeps ASCII <c>a-z0-9</c>, turns every run of other characters into one
    /// <c>-</c> and trims dashes: <c>"Alpha Pond!"</c> becomes <c>alpha-pond</c>.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingDash = false;
        foreach (var raw in value)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The deterministic <c>adjective-noun</c> slug for a lease id (FNV-1a based).</summary>
    public static string Generate(string leaseId)
    {
        var hash = Fnv1a.Hash32(leaseId);
        return s_adjectives[hash % (uint)s_adjectives.Length] + "-" + s_nouns[hash / (uint)s_adjectives.Length % (uint)s_nouns.Length];
    }

    /// <summary>
    /// Validates a <c>--slug</c> value and returns its normalization; exit 2 when nothing is left
    /// or it is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static string ValidateRequested(string? requested)
    {
        var slug = Normalize(requested);
        if (slug.Length == 0)
        {
            throw CrabboxException.Usage("--slug must contain at least one letter or digit");
        }

        if (slug.Length > MaxLength)
        {
            throw CrabboxException.Usage($"--slug must be {MaxLength} characters or fewer after normalization");
        }

        return slug;
    }

    /// <summary>
    /// <c>&lt;base&gt;-&lt;4 hex&gt;</c>: the base cut to <see cref="MaxLength"/> characters (trailing
    /// dashes trimmed) plus the low 16 bits of FNV-1a(<paramref name="seed"/>).
    /// </summary>
    public static string WithCollisionSuffix(string baseSlug, string seed)
    {
        var normalized = Normalize(baseSlug);
        if (normalized.Length > MaxLength)
        {
            normalized = normalized[..MaxLength].TrimEnd('-');
        }

        return normalized + "-" + Fnv1a.Hex16(seed);
    }
}
