using System.Globalization;
using Crabbox.Core.Output;

namespace Crabbox.Core.Config;

/// <summary>Parses configuration text by <see cref="ConfigValueKind"/>; every parser trims surrounding whitespace.</summary>
internal static class ConfigValueParser
{
    private static readonly string[] s_trueWords = ["1", "true", "yes", "on"];
    private static readonly string[] s_falseWords = ["0", "false", "no", "off"];

    /// <summary>Why <paramref name="value"/> is not valid for <paramref name="key"/>; null when it is.</summary>
    public static string? Problem(ConfigKey key, string value)
    {
        var valid = key.Kind switch
        {
            ConfigValueKind.Number => TryParseNumber(value, out _),
            ConfigValueKind.Boolean => TryParseBoolean(value, out _),
            ConfigValueKind.Duration => TryParseDuration(value, out _),
            ConfigValueKind.ByteSize => TryParseByteSize(value, out _),
            ConfigValueKind.Url => IsHttpUrl(value),
            _ => true,
        };
        if (!valid)
        {
            return Expectation(key.Kind);
        }

        if (key.AllowedValues.Count > 0
            && !key.AllowedValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"expected one of {string.Join(", ", key.AllowedValues)}";
        }

        return null;
    }

    /// <summary>The end of an "invalid value" message for a value of <paramref name="kind"/>.</summary>
    public static string Expectation(ConfigValueKind kind) => kind switch
    {
        ConfigValueKind.Number => "expected a whole number",
        ConfigValueKind.Boolean => "expected true or false (also yes/no, on/off, 1/0)",
        ConfigValueKind.Duration => "expected a positive duration such as 45s, 90m or 1h30m",
        ConfigValueKind.ByteSize => "expected a byte count such as 1048576, 512MB or 5GiB",
        ConfigValueKind.Url => "expected an absolute http or https URL",
        _ => "expected text",
    };

    public static bool TryParseNumber(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBoolean(string text, out bool value)
    {
        var word = text.Trim();
        value = s_trueWords.Contains(word, StringComparer.OrdinalIgnoreCase);
        return value || s_falseWords.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Go duration text; zero and negative durations are rejected.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value) =>
        GoDuration.TryParse(text, out value) && value > TimeSpan.Zero;

    /// <summary>
    /// A plain whole number of bytes, or a number (fractions allowed) with a unit: <c>B</c>,
    /// <c>KB/MB/GB/TB</c> (powers of 1000) or <c>KiB/MiB/GiB/TiB</c> (powers of 1024),
    /// case-insensitive, optionally separated by spaces. Negative sizes are rejected.
    /// </summary>
    public static bool TryParseByteSize(string text, out long value)
    {
        value = 0;
        var s = text.Trim();
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.'))
        {
            split++;
        }

        var number = s[..split];
        var unit = s[split..].TrimStart();
        if (unit.Length == 0)
        {
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        var multiplier = UnitMultiplier(unit);
        if (multiplier is null
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var bytes = Math.Round(amount * multiplier.Value, MidpointRounding.AwayFromZero);
        if (bytes > long.MaxValue)
        {
            return false;
        }

        value = (long)bytes;
        return true;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static decimal? UnitMultiplier(string unit) => unit.ToUpperInvariant() switch
    {
        "B" => 1m,
        "KB" => 1_000m,
        "MB" => 1_000_000m,
        "GB" => 1_000_000_000m,
        "TB" => 1_000_000_000_000m,
        "KIB" => 1024m,
        "MIB" => 1024m * 1024,
        "GIB" => 1024m * 1024 * 1024,
        "TIB" => 1024m * 1024 * 1024 * 1024,
        _ => null,
    };
}
