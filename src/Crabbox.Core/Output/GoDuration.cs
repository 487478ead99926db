using System.Globalization;
using System.Text;

namespace Crabbox.Core.Output;

/// <summary>
/// Go <c>time.Duration</c> text, which the reference uses in every output line
/// (<c>30m0s</c>, <c>1h30m0s</c>, <c>1.234s</c>, <c>850ms</c>, <c>0s</c>) and accepts in flags and
/// config (<c>90m</c>, <c>1h30m</c>, <c>45s</c>, <c>1.5h</c>).
/// </summary>
public static class GoDuration
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Formats like Go's <c>Duration.String()</c> (100 ns resolution).</summary>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        if (ticks == 0)
        {
            return "0s";
        }

        var negative = ticks < 0;
        // Ticks are 100 ns; work in nanoseconds as Go does. long.MinValue ticks cannot occur in practice.
        var nanos = (ulong)Math.Abs(ticks) * 100;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (nanos < 1_000_000_000)
        {
            // Sub-second values use the largest unit that keeps a leading non-zero digit.
            var (unitNanos, unit) = nanos switch
            {
                < 1_000 => (1UL, "ns"),
                < 1_000_000 => (1_000UL, "\u00b5s"),
                _ => (1_000_000UL, "ms"),
            };
            AppendFraction(builder, nanos, unitNanos);
            return builder.Append(unit).ToString();
        }

        var hours = nanos / 3_600_000_000_000;
        var rest = nanos % 3_600_000_000_000;
        var minutes = rest / 60_000_000_000;
        rest %= 60_000_000_000;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        AppendFraction(builder, rest, 1_000_000_000);
        return builder.Append('s').ToString();
    }

    /// <summary>Formats after rounding to whole milliseconds, as the reference's summary lines do.</summary>
    public static string FormatMilliseconds(TimeSpan value) =>
        Format(TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero)));

    /// <summary>Parses Go duration syntax; false on anything else (including an empty string).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal totalNanos = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var number = s[start..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            decimal? unitNanos = s[unitStart..i] switch
            {
                "ns" => 1m,
                "us" or "\u00b5s" or "\u03bcs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => null,
            };
            if (unitNanos is null)
            {
                return false;
            }

            totalNanos += amount * unitNanos.Value;
            if (totalNanos > (decimal)TimeSpan.MaxValue.Ticks * 100)
            {
                return false;
            }
        }

        var ticks = (long)Math.Round(totalNanos / 100m, MidpointRounding.AwayFromZero);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static void AppendFraction(StringBuilder builder, ulong nanos, ulong unitNanos)
    {
        builder.Append((nanos / unitNanos).ToString(CultureInfo.InvariantCulture));
        var fraction = nanos % unitNanos;
        if (fraction == 0)
        {
            return;
        }

        var digits = unitNanos.ToString(CultureInfo.InvariantCulture).Length - 1;
        var text = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        builder.Append('.').Append(text);
    }
}
