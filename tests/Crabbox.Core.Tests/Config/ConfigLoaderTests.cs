using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

/// <summary>Layers and their precedence. Files, validation and warnings live in the other parts of this class.</summary>
public sealed partial class ConfigLoaderTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_NothingConfigured_ReturnsCompiledDefaults()
    {
        var config = _dir.Load();

        Assert.Null(config.GetString(CoreConfigKeys.Provider));
        Assert.True(config.GetBoolean(CoreConfigKeys.SyncDelete));
        Assert.False(config.GetBoolean(CoreConfigKeys.SyncAllowLarge));
        Assert.Equal(50_000, config.GetInt64(CoreConfigKeys.SyncWarnFiles));
        Assert.Equal(150_000, config.GetInt64(CoreConfigKeys.SyncFailFiles));
        Assert.Equal(5L << 30, config.GetByteSize(CoreConfigKeys.SyncWarnBytes));
        Assert.Equal(20L << 30, config.GetByteSize(CoreConfigKeys.SyncFailBytes));
        Assert.Equal(TimeSpan.FromMinutes(15), config.GetDuration(CoreConfigKeys.SyncTimeout));
        Assert.Equal(TimeSpan.FromMinutes(30), config.GetDuration(CoreConfigKeys.IdleTimeout));
        Assert.Equal(TimeSpan.FromMinutes(90), config.GetDuration(CoreConfigKeys.Ttl));
        Assert.Equal(["CI", "NODE_OPTIONS"], config.GetList(CoreConfigKeys.EnvAllow));
        Assert.Empty(config.GetList(CoreConfigKeys.SyncExclude));
        Assert.Equal(ConfigSource.Default, config.SourceOf(CoreConfigKeys.Ttl));
        Assert.Empty(config.Files);
        Assert.Empty(config.Warnings);
    }

    /// <summary>Sets <c>ttl</c> in every layer up to <paramref name="highest"/>; the highest one must win.</summary>
    [Theory]
    [InlineData(ConfigSourceKind.UserFile, "config.yaml", "1m")]
    [InlineData(ConfigSourceKind.RepoFile, "crabbox.yaml", "2m")]
    [InlineData(ConfigSourceKind.RepoFile, ".crabbox.yaml", "3m")]
    [InlineData(ConfigSourceKind.Environment, "CRABBOX_TTL", "4m")]
    [InlineData(ConfigSourceKind.Flag, "--ttl", "5m")]
    public void Load_KeySetUpToALayer_HighestLayerWins(ConfigSourceKind highest, string sourceName, string expected)
    {
        var layers = new[] { "config.yaml", "crabbox.yaml", ".crabbox.yaml", "CRABBOX_TTL", "--ttl" };
        var count = Array.IndexOf(layers, sourceName) + 1;
        _dir.WriteUserConfig("ttl: 1m\n");

        if (count >= 2)
        {
            _dir.WriteRepoFile("crabbox.yaml", "ttl: 2m\n");
        }

        if (count >= 3)
        {
            _dir.WriteRepoFile(".crabbox.yaml", "ttl: 3m\n");
        }

        var environment = count >= 4 ? _dir.Environment(("CRABBOX_TTL", "4m")) : _dir.Environment();
        FlagValue[] flags = count >= 5 ? [new(CoreConfigKeys.Ttl, "--ttl", "5m")] : [];

        var config = _dir.Load(environment, flags);

        Assert.Equal(expected, config.GetString(CoreConfigKeys.Ttl));
        var source = config.SourceOf(CoreConfigKeys.Ttl);
        Assert.NotNull(source);
        Assert.Equal(highest, source.Kind);
        Assert.EndsWith(sourceName, source.Name, StringComparison.Ordinal);
        Assert.True(config.IsExplicit(CoreConfigKeys.Ttl));
    }

    [Fact]
    public void Load_AllFilesPresent_ListsFilesLowestFirst()
    {
        var user = _dir.WriteUserConfig("pond: user\n");
        var repo = _dir.WriteRepoFile("crabbox.yaml", "pond: repo\n");
        var hidden = _dir.WriteRepoFile(".crabbox.yaml", "pond: hidden\n");

        var config = _dir.Load();

        Assert.Equal([user, repo, hidden], config.Files);
        Assert.Equal("hidden", config.GetString(CoreConfigKeys.Pond));
    }

    [Fact]
    public void Load_UserFileWithoutXdgConfigHome_ReadsHomeDotConfig()
    {
        var file = _dir.Write(Path.Combine(_dir.Home, ".config", "crabbox", "config.yaml"), "pond: home\n");
        var environment = _dir.Environment().With("XDG_CONFIG_HOME", null);

        var config = _dir.Load(environment);

        Assert.Equal("home", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal(new ConfigSource(ConfigSourceKind.UserFile, file), config.SourceOf(CoreConfigKeys.Pond));
    }

    [Fact]
    public void Load_SyncExcludeInEveryLayer_AppendsInLayerOrder()
    {
        _dir.WriteUserConfig("sync:\n  exclude:\n    - user\n");
        _dir.WriteRepoFile("crabbox.yaml", "sync:\n  exclude: [repo, same]\n");
        _dir.WriteRepoFile(".crabbox.yaml", "sync:\n  exclude: same\n");
        var environment = _dir.Environment(("CRABBOX_SYNC_EXCLUDE", " env1, ,env2 "));
        FlagValue[] flags = [new(CoreConfigKeys.SyncExclude, "--exclude", "flag1"), new(CoreConfigKeys.SyncExclude, "--exclude", "flag2,flag3")];

        var config = _dir.Load(environment, flags);

        Assert.Equal(["user", "repo", "same", "same", "env1", "env2", "flag1", "flag2", "flag3"], config.GetList(CoreConfigKeys.SyncExclude));
        Assert.Equal(new ConfigSource(ConfigSourceKind.Flag, "--exclude"), config.SourceOf(CoreConfigKeys.SyncExclude));
    }

    [Fact]
    public void Load_EnvAllowInSeveralLayers_HighestLayerReplaces()
    {
        _dir.WriteUserConfig("env:\n  allow: [USER_VAR]\n");
        _dir.WriteRepoFile("crabbox.yaml", "env:\n  allow: [REPO_A, REPO_B]\n");

        var fromFiles = _dir.Load();
        var fromEnvironment = _dir.Load(_dir.Environment(("CRABBOX_ENV_ALLOW", "ENV_A, ENV_B")));

        Assert.Equal(["REPO_A", "REPO_B"], fromFiles.GetList(CoreConfigKeys.EnvAllow));
        Assert.Equal(["ENV_A", "ENV_B"], fromEnvironment.GetList(CoreConfigKeys.EnvAllow));
        Assert.Equal(new ConfigSource(ConfigSourceKind.Environment, "CRABBOX_ENV_ALLOW"), fromEnvironment.SourceOf(CoreConfigKeys.EnvAllow));
    }

    [Fact]
    public void Load_EmptyListInHigherLayer_KeepsLowerList()
    {
        _dir.WriteRepoFile("crabbox.yaml", "env:\n  allow: []\n");

        var config = _dir.Load();

        Assert.Equal(["CI", "NODE_OPTIONS"], config.GetList(CoreConfigKeys.EnvAllow));
        Assert.False(config.IsExplicit(CoreConfigKeys.EnvAllow));
    }

    [Fact]
    public void Load_KeysSpelledInAnyCase_MatchDeclaredKeys()
    {
        _dir.WriteRepoFile("crabbox.yaml", "SYNC:\n  WarnFiles: 7\nIdleTIMEOUT: 5m\n");

        var config = _dir.Load();

        Assert.Equal(7, config.GetInt64("sync.warnfiles"));
        Assert.Equal(TimeSpan.FromMinutes(5), config.GetDuration("idleTimeout"));
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Load_EmptyOrNullValueInFile_DoesNotOverrideLowerLayer()
    {
        _dir.WriteUserConfig("pond: user\nttl: 2h\n");
        _dir.WriteRepoFile("crabbox.yaml", "pond: \"\"\nttl: ~\n");

        var config = _dir.Load();

        Assert.Equal("user", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal(TimeSpan.FromHours(2), config.GetDuration(CoreConfigKeys.Ttl));
    }

    [Fact]
    public void Load_FirstNonEmptyOfSeveralVariables_Wins()
    {
        var environment = _dir.Environment(("CRABBOX_DEMO_BASE_URL", string.Empty), ("DEMO_BASE_URL", "https://second.example"));

        var config = _dir.Load(environment);

        Assert.Equal("https://second.example", config.GetString("demo.baseUrl"));
        Assert.Equal(new ConfigSource(ConfigSourceKind.Environment, "DEMO_BASE_URL"), config.SourceOf("demo.baseUrl"));
    }

    [Fact]
    public void Load_RepeatedScalarFlag_LastOccurrenceWins()
    {
        FlagValue[] flags = [new("demo.vcpus", "--demo-vcpus", "4"), new("demo.vcpus", "--demo-cpus", "8")];

        var config = _dir.Load(flags: flags);

        Assert.Equal(8, config.GetInt64("demo.vcpus"));
        Assert.Equal(new ConfigSource(ConfigSourceKind.Flag, "--demo-cpus"), config.SourceOf("demo.vcpus"));
    }

    [Fact]
    public void Load_FromSubfolderOfRepo_ReadsFilesAtRepoRoot()
    {
        var root = _dir.WriteRepoFile("crabbox.yaml", "pond: root\n");
        _dir.WriteRepoFile(Path.Combine("src", "app", "crabbox.yaml"), "pond: nested\n");

        var config = _dir.Load(workingDirectory: Path.Combine(_dir.Repo, "src", "app"));

        Assert.Equal("root", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal([root], config.Files);
    }

    [Fact]
    public void Load_OutsideRepo_ReadsFilesInWorkingDirectory()
    {
        var folder = Path.Combine(_dir.Root, "plain");
        var file = _dir.Write(Path.Combine(folder, ".crabbox.yaml"), "pond: plain\n");

        var config = _dir.Load(workingDirectory: folder, insideRepo: false);

        Assert.Equal("plain", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal([file], config.Files);
    }
}
