namespace Crabbox.Core.Config;

/// <summary>The exit-2 errors configuration loading reports, worded in one place.</summary>
internal static class ConfigErrors
{
    public static CrabboxException InvalidValue(string value, string key, ConfigSource source, string reason) =>
        CrabboxException.Usage($"invalid value \"{value}\" for {key} in {source}: {reason}");

    /// <summary>A YAML node of the wrong shape (a list or mapping where a plain value belongs, or the reverse).</summary>
    public static CrabboxException InvalidShape(string key, ConfigSource source, string reason) =>
        CrabboxException.Usage($"invalid value for {key} in {source}: {reason}");

    public static CrabboxException Read(string path, string reason, Exception? inner = null) =>
        new(ExitCodes.Usage, $"read config {path}: {reason}", inner);

    public static CrabboxException Parse(string path, string reason, Exception? inner = null) =>
        new(ExitCodes.Usage, $"parse config {path}: {reason}", inner);
}
