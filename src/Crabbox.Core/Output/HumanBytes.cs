using System.Globalization;

namespace Crabbox.Core.Output;

/// <summary>Byte counts as the reference prints them: <c>512 B</c>, <c>1.5 KiB</c>, <c>20.0 GiB</c>.</summary>
public static class HumanBytes
{
    private static readonly string[] s_units = ["KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }
}
