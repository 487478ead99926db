namespace Crabbox.Core.Config;

/// <summary>How a configuration value is parsed and validated.</summary>
public enum ConfigValueKind
{
    Text,

    /// <summary>A base-10 integer.</summary>
    Number,

    /// <summary><c>1|true|yes|on</c> or <c>0|false|no|off</c>, case-insensitive.</summary>
    Boolean,

    /// <summary>Go duration text (<c>90m</c>, <c>1h30m</c>, <c>45s</c>); must be positive.</summary>
    Duration,

    /// <summary>A byte count: a plain integer, or a number with a unit (<c>5GiB</c>, <c>512MB</c>).</summary>
    ByteSize,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A list; YAML sequences, comma-separated in environment variables and flags.</summary>
    StringList,
}
