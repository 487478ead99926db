namespace Crabbox.Core.Config;

/// <summary>
/// Which config files a load considers, lowest precedence first, and how far each is trusted.
/// <c>CRABBOX_CONFIG</c> replaces the search; otherwise the user file, then <c>crabbox.yaml</c>
/// and <c>.crabbox.yaml</c> at the repository root. Missing files are listed too; the provider
/// skips them.
/// </summary>
internal static class ConfigFileLocator
{
    public const string ExplicitFileVariable = "CRABBOX_CONFIG";

    public static IReadOnlyList<ConfigSource> Find(ConfigLoadOptions options)
    {
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory);
        var repoRoot = Path.GetFullPath(options.RepoRoot ?? workingDirectory, workingDirectory);
        var explicitFile = options.Environment.Get(ExplicitFileVariable);
        if (explicitFile is not null)
        {
            var path = Path.GetFullPath(explicitFile, workingDirectory);
            return [new ConfigSource(ExplicitKind(path, repoRoot), path)];
        }

        return
        [
            new ConfigSource(ConfigSourceKind.UserFile, Path.GetFullPath(options.Paths.UserConfigFile)),
            new ConfigSource(ConfigSourceKind.RepoFile, Path.Combine(repoRoot, "crabbox.yaml")),
            new ConfigSource(ConfigSourceKind.RepoFile, Path.Combine(repoRoot, ".crabbox.yaml")),
        ];
    }

    // A path outside the repository may be a symlink to a file inside it, whose content the
    // repository controls: only the resolved path tells whether the file can be trusted.
    private static ConfigSourceKind ExplicitKind(string path, string repoRoot)
    {
        try
        {
            return RealPath.IsInside(path, repoRoot) ? ConfigSourceKind.RepoFile : ConfigSourceKind.ExplicitFile;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw ConfigErrors.Read(path, YamlConfigReader.MessageText(error.Message), error);
        }
    }
}
