namespace Crabbox.Core.Config;

/// <summary>Where a configuration value came from, lowest precedence first.</summary>
public enum ConfigSourceKind
{
    /// <summary>The compiled default.</summary>
    Default,

    /// <summary>The user file (<c>~/.config/crabbox/config.yaml</c>, honoring XDG_CONFIG_HOME).</summary>
    UserFile,

    /// <summary>A file named by <c>CRABBOX_CONFIG</c> outside the repository.</summary>
    ExplicitFile,

    /// <summary><c>crabbox.yaml</c> / <c>.crabbox.yaml</c> at the repository root, or an explicit file inside the repository.</summary>
    RepoFile,

    /// <summary>A <c>CRABBOX_*</c> (or provider) environment variable.</summary>
    Environment,

    /// <summary>A command-line flag.</summary>
    Flag,
}
