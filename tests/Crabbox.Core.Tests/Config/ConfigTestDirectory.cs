using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

/// <summary>
/// A throwaway home, XDG config home and repository under a unique temp folder, with
/// environment snapshots that point at them: no test touches the process environment.
/// </summary>
internal sealed class ConfigTestDirectory : IDisposable
{
    public ConfigTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "crabbox-config-tests", Guid.NewGuid().ToString("N"));
        Home = Path.Combine(Root, "home");
        ConfigHome = Path.Combine(Root, "xdg");
        Repo = Path.Combine(Root, "repo");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(ConfigHome);
        Directory.CreateDirectory(Repo);
    }

    /// <summary>The core keys plus a small provider section exercising the remaining kinds.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        .. CoreConfigKeys.All,
        new("demo.baseUrl", ConfigValueKind.Url, "test url") { EnvironmentVariables = ["CRABBOX_DEMO_BASE_URL", "DEMO_BASE_URL"] },
        new("demo.vcpus", ConfigValueKind.Number, "test number") { DefaultValue = "2", EnvironmentVariables = ["CRABBOX_DEMO_VCPUS"] },
        new("demo.mode", ConfigValueKind.Text, "test choice") { AllowedValues = ["fast", "slow"], EnvironmentVariables = ["CRABBOX_DEMO_MODE"] },
        new("demo.tags", ConfigValueKind.StringList, "test appending list") { AllowedValues = ["red", "blue"], EnvironmentVariables = ["CRABBOX_DEMO_TAGS"] },
    ];

    public string Root { get; }

    public string Home { get; }

    public string ConfigHome { get; }

    public string Repo { get; }

    public string UserConfigFile => Path.Combine(ConfigHome, "crabbox", "config.yaml");

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (relative to <see cref="Root"/>) and returns the full path.</summary>
    public string Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string WriteUserConfig(string text) => Write(UserConfigFile, text);

    public string WriteRepoFile(string name, string text) => Write(Path.Combine(Repo, name), text);

    public EnvironmentVariables Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = ConfigHome,
        };
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return new EnvironmentVariables(values);
    }

    public ConfigLoadOptions Options(
        EnvironmentVariables? environment = null,
        IReadOnlyList<FlagValue>? flags = null,
        string? workingDirectory = null,
        bool insideRepo = true)
    {
        var env = environment ?? Environment();
        return new ConfigLoadOptions
        {
            WorkingDirectory = workingDirectory ?? Repo,
            RepoRoot = insideRepo ? Repo : null,
            Environment = env,
            Paths = new CrabboxPaths(env),
            Keys = Keys,
            Flags = flags ?? [],
        };
    }

    public LoadedConfiguration Load(
        EnvironmentVariables? environment = null,
        IReadOnlyList<FlagValue>? flags = null,
        string? workingDirectory = null,
        bool insideRepo = true) =>
        new ConfigLoader().Load(Options(environment, flags, workingDirectory, insideRepo));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
