using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

public sealed class CoreConfigKeysTests
{
    [Theory]
    [InlineData(CoreConfigKeys.Provider, "CRABBOX_PROVIDER", null)]
    [InlineData(CoreConfigKeys.SyncExclude, "CRABBOX_SYNC_EXCLUDE", null)]
    [InlineData(CoreConfigKeys.SyncDelete, "CRABBOX_SYNC_DELETE", "true")]
    [InlineData(CoreConfigKeys.SyncWarnFiles, "CRABBOX_SYNC_WARN_FILES", "50000")]
    [InlineData(CoreConfigKeys.SyncWarnBytes, "CRABBOX_SYNC_WARN_BYTES", "5GiB")]
    [InlineData(CoreConfigKeys.SyncFailFiles, "CRABBOX_SYNC_FAIL_FILES", "150000")]
    [InlineData(CoreConfigKeys.SyncFailBytes, "CRABBOX_SYNC_FAIL_BYTES", "20GiB")]
    [InlineData(CoreConfigKeys.SyncAllowLarge, "CRABBOX_SYNC_ALLOW_LARGE", "false")]
    [InlineData(CoreConfigKeys.SyncTimeout, "CRABBOX_SYNC_TIMEOUT", "15m")]
    [InlineData(CoreConfigKeys.SyncCompressionLevel, "CRABBOX_SYNC_COMPRESSION_LEVEL", "1")]
    [InlineData(CoreConfigKeys.EnvAllow, "CRABBOX_ENV_ALLOW", "CI,NODE_OPTIONS")]
    [InlineData(CoreConfigKeys.IdleTimeout, "CRABBOX_IDLE_TIMEOUT", "30m")]
    [InlineData(CoreConfigKeys.Ttl, "CRABBOX_TTL", "90m")]
    [InlineData(CoreConfigKeys.SshUser, "CRABBOX_SSH_USER", "crabbox")]
    [InlineData(CoreConfigKeys.SshKey, "CRABBOX_SSH_KEY", "~/.ssh/id_ed25519")]
    [InlineData(CoreConfigKeys.SshPort, "CRABBOX_SSH_PORT", "2222")]
    public void All_CoreKey_HasReferenceVariableAndDefault(string path, string variable, string? defaultValue)
    {
        var key = Assert.Single(CoreConfigKeys.All, key => key.Path == path);

        Assert.Equal([variable], key.EnvironmentVariables);
        Assert.Equal(defaultValue, key.DefaultValue);
    }

    [Fact]
    public void All_ListKeys_SyncExcludeAppendsAndEnvAllowReplaces()
    {
        var exclude = Assert.Single(CoreConfigKeys.All, key => key.Path == CoreConfigKeys.SyncExclude);
        var allow = Assert.Single(CoreConfigKeys.All, key => key.Path == CoreConfigKeys.EnvAllow);

        Assert.Equal(ConfigValueKind.StringList, exclude.Kind);
        Assert.True(exclude.AppendAcrossLayers);
        Assert.Equal(ConfigValueKind.StringList, allow.Kind);
        Assert.False(allow.AppendAcrossLayers);
    }

    [Fact]
    public void All_EveryDefault_IsValidForItsKind()
    {
        var problems = CoreConfigKeys.All
            .Where(key => key.DefaultValue is not null && key.Kind != ConfigValueKind.StringList)
            .Select(key => ConfigValueParser.Problem(key, key.DefaultValue!))
            .Where(problem => problem is not null);

        Assert.Empty(problems);
    }

    [Fact]
    public void All_Paths_UniqueAndCamelCase()
    {
        var catalog = new ConfigKeyCatalog(CoreConfigKeys.All);

        Assert.All(CoreConfigKeys.All, key => Assert.True(char.IsLower(key.Path[0]) && !key.Path.Contains('_'), key.Path));
        Assert.Equal(CoreConfigKeys.All.Count, catalog.Keys.Count);
    }
}
