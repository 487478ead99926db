using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

/// <summary>Which files are read: CRABBOX_CONFIG, empty and unreadable files, YAML errors, trust.</summary>
public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void Load_CrabboxConfigOutsideRepo_ReadsOnlyThatFileAsExplicit()
    {
        _dir.WriteUserConfig("pond: user\nttl: 1m\n");
        _dir.WriteRepoFile("crabbox.yaml", "pond: repo\nidleTimeout: 1m\n");
        var file = _dir.Write(Path.Combine("elsewhere", "ci.yaml"), "pond: explicit\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", file)));

        Assert.Equal([file], config.Files);
        Assert.Equal("explicit", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal(TimeSpan.FromMinutes(90), config.GetDuration(CoreConfigKeys.Ttl));
        Assert.Equal(TimeSpan.FromMinutes(30), config.GetDuration(CoreConfigKeys.IdleTimeout));
        var source = config.SourceOf(CoreConfigKeys.Pond);
        Assert.Equal(new ConfigSource(ConfigSourceKind.ExplicitFile, file), source);
        Assert.True(source!.IsTrusted);
    }

    [Fact]
    public void Load_CrabboxConfigRelative_ResolvedAgainstWorkingDirectory()
    {
        var workingDirectory = Path.Combine(_dir.Root, "work");
        var file = _dir.Write(Path.Combine(workingDirectory, "conf", "c.yaml"), "pond: relative\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", Path.Combine("conf", "c.yaml"))), workingDirectory: workingDirectory);

        Assert.Equal("relative", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal([file], config.Files);
    }

    [Fact]
    public void Load_CrabboxConfigMissing_IgnoredAndOtherFilesNotRead()
    {
        _dir.WriteUserConfig("pond: user\n");
        _dir.WriteRepoFile("crabbox.yaml", "pond: repo\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", Path.Combine(_dir.Root, "missing.yaml"))));

        Assert.Null(config.GetString(CoreConfigKeys.Pond));
        Assert.Empty(config.Files);
    }

    [Fact]
    public void Load_CrabboxConfigInsideRepo_IsUntrustedRepoFile()
    {
        var file = _dir.WriteRepoFile(Path.Combine("ci", "crabbox.yaml"), "demo:\n  baseUrl: https://repo.example\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", file)));

        var source = config.SourceOf("demo.baseUrl");
        Assert.Equal(new ConfigSource(ConfigSourceKind.RepoFile, file), source);
        Assert.False(source!.IsTrusted);
    }

    [Fact]
    public void Load_CrabboxConfigSymlinkOutsideRepoToRepoFile_IsUntrustedRepoFile()
    {
        var target = _dir.WriteRepoFile("crabbox.yaml", "pond: repo\n");
        var link = Path.Combine(_dir.Root, "link.yaml");
        File.CreateSymbolicLink(link, target);

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", link)));

        Assert.Equal(new ConfigSource(ConfigSourceKind.RepoFile, link), config.SourceOf(CoreConfigKeys.Pond));
    }

    [Fact]
    public void Load_RepoRootGivenThroughSymlink_ExplicitFileInRealRepoIsRepoFile()
    {
        var file = _dir.WriteRepoFile("custom.yaml", "pond: repo\n");
        var linkedRoot = Path.Combine(_dir.Root, "linked-repo");
        Directory.CreateSymbolicLink(linkedRoot, _dir.Repo);
        var options = _dir.Options(_dir.Environment(("CRABBOX_CONFIG", file))) with { RepoRoot = linkedRoot };

        var config = new ConfigLoader().Load(options);

        Assert.Equal(ConfigSourceKind.RepoFile, config.SourceOf(CoreConfigKeys.Pond)!.Kind);
    }

    [Fact]
    public void Load_CrabboxConfigInSiblingWithRepoNamePrefix_IsExplicitFile()
    {
        var file = _dir.Write(Path.Combine(_dir.Repo + "-other", "c.yaml"), "pond: sibling\n");

        var config = _dir.Load(_dir.Environment(("CRABBOX_CONFIG", file)));

        Assert.Equal(ConfigSourceKind.ExplicitFile, config.SourceOf(CoreConfigKeys.Pond)!.Kind);
    }

    [Fact]
    public void Load_RepoAndUserFiles_RepoFilesUntrustedUserFileTrusted()
    {
        _dir.WriteUserConfig("demo:\n  vcpus: 4\n");
        _dir.WriteRepoFile(".crabbox.yaml", "demo:\n  baseUrl: https://repo.example\n");

        var config = _dir.Load();

        Assert.False(config.SourceOf("demo.baseUrl")!.IsTrusted);
        Assert.True(config.SourceOf("demo.vcpus")!.IsTrusted);
        Assert.Equal(ConfigSourceKind.UserFile, config.SourceOf("demo.vcpus")!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Load_EmptyFile_IgnoredAndNotListed(string text)
    {
        _dir.WriteUserConfig("pond: user\n");
        _dir.WriteRepoFile("crabbox.yaml", text);

        var config = _dir.Load();

        Assert.Equal("user", config.GetString(CoreConfigKeys.Pond));
        Assert.Equal([_dir.UserConfigFile], config.Files);
    }

    [Fact]
    public void Load_ConfigPathIsDirectory_ReadErrorExit2()
    {
        var folder = Path.Combine(_dir.Root, "folder.yaml");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<CrabboxException>(() => _dir.Load(_dir.Environment(("CRABBOX_CONFIG", folder))));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"read config {folder}: is a directory", error.Message);
    }

    [Theory]
    [InlineData("sync:\n  exclude: [dist\n", "line 3, column 1: while parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("sync:\n  timeout: 1m\n  timeout: 2m\n", "line 3, column 3: duplicate key timeout")]
    [InlineData("pond: \"open\n", "line 1, column 7: while scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("- a\n- b\n", "line 1, column 1: expected a mapping of keys at the top level")]
    [InlineData("? [a, b]\n: c\n", "line 1, column 3: expected a plain key")]
    public void Load_YamlError_ParseErrorWithLineExit2(string text, string reason)
    {
        var file = _dir.WriteRepoFile(".crabbox.yaml", text);

        var error = Assert.Throws<CrabboxException>(() => _dir.Load());

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"parse config {file}: {reason}", error.Message);
    }

    [Fact]
    public void Load_SecondYamlDocument_Ignored()
    {
        _dir.WriteRepoFile("crabbox.yaml", "pond: first\n---\npond: second\n");

        var config = _dir.Load();

        Assert.Equal("first", config.GetString(CoreConfigKeys.Pond));
    }
}
