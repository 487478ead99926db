using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

/// <summary>Invalid values: every kind from a file, an environment variable and a flag, with exact messages.</summary>
public sealed partial class ConfigLoaderTests
{
    // key, environment variable, bad value, reason
    public static TheoryData<string, string, string, string> BadValues { get; } = new()
    {
        { CoreConfigKeys.SyncWarnFiles, "CRABBOX_SYNC_WARN_FILES", "abc", "expected a whole number" },
        { CoreConfigKeys.SyncFailFiles, "CRABBOX_SYNC_FAIL_FILES", "1.5", "expected a whole number" },
        { CoreConfigKeys.SyncDelete, "CRABBOX_SYNC_DELETE", "maybe", "expected true or false (also yes/no, on/off, 1/0)" },
        { CoreConfigKeys.Ttl, "CRABBOX_TTL", "soon", "expected a positive duration such as 45s, 90m or 1h30m" },
        { CoreConfigKeys.IdleTimeout, "CRABBOX_IDLE_TIMEOUT", "0s", "expected a positive duration such as 45s, 90m or 1h30m" },
        { CoreConfigKeys.SyncTimeout, "CRABBOX_SYNC_TIMEOUT", "-5m", "expected a positive duration such as 45s, 90m or 1h30m" },
        { CoreConfigKeys.SyncWarnBytes, "CRABBOX_SYNC_WARN_BYTES", "5 GBs", "expected a byte count such as 1048576, 512MB or 5GiB" },
        { CoreConfigKeys.SyncFailBytes, "CRABBOX_SYNC_FAIL_BYTES", "lots", "expected a byte count such as 1048576, 512MB or 5GiB" },
        { "demo.baseUrl", "CRABBOX_DEMO_BASE_URL", "ftp://files.example", "expected an absolute http or https URL" },
        { "demo.baseUrl", "CRABBOX_DEMO_BASE_URL", "api.example/v1", "expected an absolute http or https URL" },
        { "demo.mode", "CRABBOX_DEMO_MODE", "medium", "expected one of fast, slow" },
        { CoreConfigKeys.SyncCompressionLevel, "CRABBOX_SYNC_COMPRESSION_LEVEL", "12", "expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9" },
        { "demo.tags", "CRABBOX_DEMO_TAGS", "green", "expected one of red, blue" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValueInFile_Exit2NamingKeyValueAndFile(string key, string variable, string value, string reason)
    {
        _ = variable;
        var file = _dir.WriteRepoFile("crabbox.yaml", YamlFor(key, value));

        var error = Assert.Throws<CrabboxException>(() => _dir.Load());

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"invalid value \"{value}\" for {key} in file {file}: {reason}", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValueInEnvironment_Exit2NamingVariable(string key, string variable, string value, string reason)
    {
        var error = Assert.Throws<CrabboxException>(() => _dir.Load(_dir.Environment((variable, value))));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"invalid value \"{value}\" for {key} in environment variable {variable}: {reason}", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValueInFlag_Exit2NamingFlag(string key, string variable, string value, string reason)
    {
        var flag = "--" + variable.ToLowerInvariant().Replace('_', '-');

        var error = Assert.Throws<CrabboxException>(() => _dir.Load(flags: [new FlagValue(key, flag, value)]));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"invalid value \"{value}\" for {key} in flag {flag}: {reason}", error.Message);
    }

    [Fact]
    public void Load_BadValueOverriddenByHigherLayer_Accepted()
    {
        _dir.WriteUserConfig("sync:\n  warnFiles: abc\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_SYNC_WARN_FILES", "10")));

        Assert.Equal(10, config.GetInt64(CoreConfigKeys.SyncWarnFiles));
    }

    [Fact]
    public void Load_BadItemInLowerLayerOfAppendingList_Exit2NamingThatLayer()
    {
        var file = _dir.WriteUserConfig("demo:\n  tags: [red, green]\n");

        var error = Assert.Throws<CrabboxException>(() => _dir.Load(_dir.Environment(("CRABBOX_DEMO_TAGS", "blue"))));

        Assert.Equal($"invalid value \"green\" for demo.tags in file {file}: expected one of red, blue", error.Message);
    }

    [Fact]
    public void Load_EmptyFlagForNumber_Exit2()
    {
        var error = Assert.Throws<CrabboxException>(() => _dir.Load(flags: [new FlagValue("demo.vcpus", "--demo-vcpus", string.Empty)]));

        Assert.Equal("invalid value \"\" for demo.vcpus in flag --demo-vcpus: expected a whole number", error.Message);
    }

    [Theory]
    [InlineData("sync:\n  timeout: [1m, 2m]\n", "sync.timeout", "expected a single value, not a list")]
    [InlineData("ttl:\n  value: 1m\n", "ttl", "expected a single value, not a mapping")]
    [InlineData("sync:\n  exclude:\n    - a: b\n", "sync.exclude", "expected a list of plain values")]
    [InlineData("sync: fast\n", "sync", "expected a mapping of keys")]
    public void Load_WrongYamlShape_Exit2NamingKeyAndFile(string text, string key, string reason)
    {
        var file = _dir.WriteRepoFile("crabbox.yaml", text);

        var error = Assert.Throws<CrabboxException>(() => _dir.Load());

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"invalid value for {key} in file {file}: {reason}", error.Message);
    }

    private static string YamlFor(string key, string value)
    {
        var parts = key.Split('.');
        var lines = parts.Select((part, depth) => new string(' ', depth * 2) + part + ":").ToList();
        lines[^1] += $" \"{value}\"";
        return string.Join('\n', lines) + "\n";
    }
}
