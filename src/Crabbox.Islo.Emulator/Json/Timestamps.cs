using System.Globalization;

namespace Crabbox.Islo.Emulator.Json;

/// <summary>RFC3339 text for the wire: UTC, microseconds, <c>Z</c> suffix.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
