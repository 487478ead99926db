using System.Globalization;

namespace Crabbox.Core.Output;

/// <summary>RFC 3339 timestamps in UTC with whole seconds (<c>2026-11-23T09:23:27Z</c>), as the reference writes them.</summary>
public static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
