namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Renders an env map for <c>ToString()</c> as its names only: values may hold secrets.
/// </summary>
internal static class IsloEnvNames
{
    public static string Describe(IReadOnlyDictionary<string, string>? env) =>
        env is null ? "" : "[" + string.Join(", ", env.Keys.Order(StringComparer.Ordinal)) + "]";
}
