namespace Crabbox.Core.Output;

/// <summary>
/// Where crabbox writes. stdout carries data (the remote command's bytes, <c>--json</c>
/// documents); stderr carries narration (lease lines, warnings, summaries).
/// </summary>
public interface IConsole
{
    /// <summary>Raw stdout. Remote output is written here byte for byte, unbuffered by crabbox.</summary>
    Stream StandardOutput { get; }

    /// <summary>Raw stderr, for the remote command's stderr bytes.</summary>
    Stream StandardError { get; }

    /// <summary>Text view of stdout (UTF-8, no BOM), for data such as JSON and status lines.</summary>
    TextWriter Out { get; }

    /// <summary>Text view of stderr (UTF-8, no BOM), for narration.</summary>
    TextWriter Error { get; }
}
