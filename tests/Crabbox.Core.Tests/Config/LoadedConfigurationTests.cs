using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

public sealed class LoadedConfigurationTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GetString_ListKey_JoinsItemsWithCommas()
    {
        var config = _dir.Load(flags: [new FlagValue(CoreConfigKeys.SyncExclude, "--exclude", "a, b")]);

        Assert.Equal("a,b", config.GetString(CoreConfigKeys.SyncExclude));
        Assert.Equal("CI,NODE_OPTIONS", config.GetString(CoreConfigKeys.EnvAllow));
    }

    [Fact]
    public void GetString_EmptyList_ReturnsNull()
    {
        var config = _dir.Load();

        Assert.Null(config.GetString(CoreConfigKeys.SyncExclude));
    }

    [Fact]
    public void GetList_PlainKey_ReturnsOneElementList()
    {
        var config = _dir.Load();

        Assert.Equal(["crabbox"], config.GetList(CoreConfigKeys.SshUser));
        Assert.Empty(config.GetList(CoreConfigKeys.Pond));
    }

    [Fact]
    public void TypedGetters_UnsetKey_ReturnNull()
    {
        var config = _dir.Load();

        Assert.Null(config.GetString(CoreConfigKeys.Pond));
        Assert.Null(config.GetInt64("demo.unknown"));
        Assert.Null(config.GetBoolean("demo.unknown"));
        Assert.Null(config.GetDuration("demo.unknown"));
        Assert.Null(config.GetByteSize("demo.unknown"));
        Assert.Null(config.SourceOf(CoreConfigKeys.Pond));
        Assert.False(config.IsExplicit(CoreConfigKeys.Pond));
    }

    [Fact]
    public void TypedGetters_ValuesFromFile_Parsed()
    {
        _dir.WriteRepoFile("crabbox.yaml", """
            sync:
              allowLarge: YES
              warnBytes: 1.5 KiB
              failBytes: 2048
              timeout: 1h30m
            ssh:
              port: 22
            """);

        var config = _dir.Load();

        Assert.True(config.GetBoolean(CoreConfigKeys.SyncAllowLarge));
        Assert.Equal(1536, config.GetByteSize(CoreConfigKeys.SyncWarnBytes));
        Assert.Equal(2048, config.GetByteSize(CoreConfigKeys.SyncFailBytes));
        Assert.Equal(TimeSpan.FromMinutes(90), config.GetDuration(CoreConfigKeys.SyncTimeout));
        Assert.Equal(22, config.GetInt64(CoreConfigKeys.SshPort));
    }

    [Fact]
    public void IsExplicit_DefaultVersusSetByLayer_TellsThemApart()
    {
        _dir.WriteUserConfig("demo:\n  vcpus: 2\n");

        var config = _dir.Load();

        Assert.False(config.IsExplicit(CoreConfigKeys.Ttl));
        Assert.True(config.IsExplicit("demo.vcpus"));
        Assert.Equal(ConfigSourceKind.UserFile, config.SourceOf("DEMO.VCPUS")!.Kind);
    }

    [Fact]
    public void IsExplicit_AppendingListWithLayerItems_True()
    {
        _dir.WriteRepoFile("crabbox.yaml", "sync:\n  exclude: [dist]\n");

        var config = _dir.Load();

        Assert.True(config.IsExplicit(CoreConfigKeys.SyncExclude));
        Assert.Equal(ConfigSourceKind.RepoFile, config.SourceOf(CoreConfigKeys.SyncExclude)!.Kind);
    }

    [Fact]
    public void WithFlags_NewFlagLayer_ReplacesOldFlagsAndKeepsOriginal()
    {
        var original = _dir.Load(flags: [new FlagValue("demo.vcpus", "--demo-vcpus", "4")]);

        var relayered = original.WithFlags([new FlagValue(CoreConfigKeys.Pond, "--pond", "blue")]);

        Assert.Equal(4, original.GetInt64("demo.vcpus"));
        Assert.Null(original.GetString(CoreConfigKeys.Pond));
        Assert.Equal(2, relayered.GetInt64("demo.vcpus"));
        Assert.Equal("blue", relayered.GetString(CoreConfigKeys.Pond));
        Assert.Equal(new ConfigSource(ConfigSourceKind.Flag, "--pond"), relayered.SourceOf(CoreConfigKeys.Pond));
    }

    [Fact]
    public void WithFlags_FilesChangedSinceLoad_NotReadAgain()
    {
        var file = _dir.WriteRepoFile("crabbox.yaml", "pond: before\nsync:\n  exclude: [a]\n");
        var original = _dir.Load();
        File.WriteAllText(file, "pond: [broken\n");

        var relayered = original.WithFlags([new FlagValue(CoreConfigKeys.SyncExclude, "--exclude", "b")]);

        Assert.Equal("before", relayered.GetString(CoreConfigKeys.Pond));
        Assert.Equal(["a", "b"], relayered.GetList(CoreConfigKeys.SyncExclude));
        Assert.Equal([file], relayered.Files);
    }

    [Fact]
    public void WithFlags_BadFlagValue_Exit2()
    {
        var original = _dir.Load();

        var error = Assert.Throws<CrabboxException>(() => original.WithFlags([new FlagValue(CoreConfigKeys.Ttl, "--ttl", "forever")]));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("invalid value \"forever\" for ttl in flag --ttl: expected a positive duration such as 45s, 90m or 1h30m", error.Message);
    }

    [Fact]
    public void GetInt64_UndeclaredFlagKeyNotANumber_Exit2NamingFlag()
    {
        var config = _dir.Load(flags: [new FlagValue("extra.count", "--extra-count", "many")]);

        var error = Assert.Throws<CrabboxException>(() => config.GetInt64("extra.count"));

        Assert.Equal("many", config.GetString("extra.count"));
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("invalid value \"many\" for extra.count in flag --extra-count: expected a whole number", error.Message);
    }
}
