using System.Globalization;
using System.Text;

namespace Crabbox.Core.Leases;

/// <summary>32-bit FNV-1a over the UTF-8 bytes of a string; the reference derives slugs and suffixes from it.</summary>
public static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash32(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>The low 16 bits as 4 lowercase hex digits, as slug collision suffixes use.</summary>
    public static string Hex16(string value) =>
        (Hash32(value) & 0xffff).ToString("x4", CultureInfo.InvariantCulture);
}
