namespace Crabbox.Core;

/// <summary>
/// Well-known local directories, derived from the environment the same way as the Go crabbox
/// so the two can share state: state under <c>$XDG_STATE_HOME/crabbox</c>, else
/// <c>&lt;user config dir&gt;/crabbox/state</c>; config under <c>$XDG_CONFIG_HOME/crabbox</c>,
/// else <c>~/.config/crabbox</c>.
/// </summary>
public sealed class CrabboxPaths
{
    public CrabboxPaths(EnvironmentVariables environment)
    {
        var home = environment.Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var configHome = environment.Get("XDG_CONFIG_HOME") ?? System.IO.Path.Combine(home, ".config");
        ConfigDirectory = System.IO.Path.Combine(configHome, "crabbox");
        var stateHome = environment.Get("XDG_STATE_HOME");
        StateDirectory = stateHome is not null
            ? System.IO.Path.Combine(stateHome, "crabbox")
            : System.IO.Path.Combine(ConfigDirectory, "state");
    }

    /// <summary><c>$XDG_CONFIG_HOME/crabbox</c> or <c>~/.config/crabbox</c>.</summary>
    public string ConfigDirectory { get; }

    /// <summary>The user config file, <c>&lt;ConfigDirectory&gt;/config.yaml</c>.</summary>
    public string UserConfigFile => System.IO.Path.Combine(ConfigDirectory, "config.yaml");

    /// <summary>Root of crabbox's local state.</summary>
    public string StateDirectory { get; }

    /// <summary>Repo claims: <c>&lt;state&gt;/claims/&lt;leaseId&gt;.json</c>.</summary>
    public string ClaimsDirectory => System.IO.Path.Combine(StateDirectory, "claims");

    /// <summary>Claim lock files: <c>&lt;state&gt;/claim-locks/&lt;leaseId&gt;.json.lock</c>.</summary>
    public string ClaimLocksDirectory => System.IO.Path.Combine(StateDirectory, "claim-locks");

    /// <summary>Per-lease SSH material: <c>&lt;ConfigDirectory&gt;/testboxes/&lt;leaseId&gt;</c>.</summary>
    public string LeaseMaterialDirectory(string leaseId) => System.IO.Path.Combine(ConfigDirectory, "testboxes", leaseId);

    /// <summary>Per-lease sync records for delta sync: <c>&lt;state&gt;/sync/&lt;leaseId&gt;</c>.</summary>
    public string SyncStateDirectory(string leaseId) => System.IO.Path.Combine(StateDirectory, "sync", leaseId);

    /// <summary>The <c>local</c> provider's emulator state: <c>&lt;state&gt;/local</c>.</summary>
    public string LocalProviderDirectory => System.IO.Path.Combine(StateDirectory, "local");
}
