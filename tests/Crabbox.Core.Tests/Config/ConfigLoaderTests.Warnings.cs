using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

/// <summary>Unknown keys warn and never fail.</summary>
public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void Load_UnknownKeys_WarnsOncePerKeyAndKeepsKnownValues()
    {
        var file = _dir.WriteRepoFile("crabbox.yaml", """
            class: beast
            sync:
              exlude: [dist]
              exclude: [build]
            hetzner:
              location: fsn1
              serverType: cx22
            ssh:
              user: me
            """);

        var config = _dir.Load();

        Assert.Equal(
            [
                $"unknown config key \"class\" in file {file}",
                $"unknown config key \"sync.exlude\" in file {file}",
                $"unknown config key \"hetzner\" in file {file}",
            ],
            config.Warnings);
        Assert.Equal(["build"], config.GetList(CoreConfigKeys.SyncExclude));
        Assert.Equal("me", config.GetString(CoreConfigKeys.SshUser));
    }

    [Fact]
    public void Load_UnknownKeysInSeveralFiles_WarningsInFileOrder()
    {
        var user = _dir.WriteUserConfig("userTypo: 1\n");
        var repo = _dir.WriteRepoFile(".crabbox.yaml", "Demo:\n  Typo: 1\n");

        var config = _dir.Load();

        Assert.Equal(
            [$"unknown config key \"userTypo\" in file {user}", $"unknown config key \"Demo.Typo\" in file {repo}"],
            config.Warnings);
    }

    [Fact]
    public void Load_FileWithOnlyUnknownKeys_ListedAsRead()
    {
        var file = _dir.WriteRepoFile("crabbox.yaml", "profiles: {}\n");

        var config = _dir.Load();

        Assert.Equal([file], config.Files);
        Assert.Single(config.Warnings);
    }
}
