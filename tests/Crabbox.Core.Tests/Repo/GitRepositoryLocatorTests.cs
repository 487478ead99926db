using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class GitRepositoryLocatorTests
{
    [Fact]
    public async Task Discover_NestedSubfolder_ReturnsRootNameHeadAndBranch()
    {
        using var repo = await TempGitRepo.CreateAsync("my-project").WithTimeout();
        repo.Write("a/b/c/file.txt", "x");
        await repo.CommitAllAsync().WithTimeout();
        var head = (await repo.GitAsync("rev-parse", "HEAD").WithTimeout()).Trim();

        var info = new GitRepositoryLocator().Discover(repo.FullPath("a/b/c"));

        Assert.Equal(new RepositoryInfo(repo.Root, "my-project", null, head, "main"), info);
    }

    [Fact]
    public void Discover_NotARepository_ReturnsNull()
    {
        using var directory = new TempDirectory();

        var info = new GitRepositoryLocator().Discover(directory.Path);

        Assert.Null(info);
    }

    [Fact]
    public async Task Discover_BareRepository_ReturnsNull()
    {
        using var directory = new TempDirectory();
        await TestProcess.RunCheckedAsync("git", ["init", "-q", "--bare", "bare.git"], directory.Path).WithTimeout();

        var info = new GitRepositoryLocator().Discover(directory.Combine("bare.git"));

        Assert.Null(info);
    }

    [Fact]
    public void Discover_MissingDirectory_ReturnsNull()
    {
        using var directory = new TempDirectory();

        var info = new GitRepositoryLocator().Discover(directory.Combine("does-not-exist"));

        Assert.Null(info);
    }

    [Theory]
    [InlineData("https://github.com/openclaw/crabbox.git", "crabbox")]
    [InlineData("git@github.com:openclaw/crab-tools.git", "crab-tools")]
    [InlineData("ssh://git@example.com/team/widgets", "widgets")]
    [InlineData("file:///srv/git/mirror.git", "mirror")]
    public async Task Discover_OriginRemote_NamesRepositoryFromUrl(string url, string expected)
    {
        using var repo = await TempGitRepo.CreateAsync("folder-name").WithTimeout();
        await repo.GitAsync("remote", "add", "origin", url).WithTimeout();

        var info = new GitRepositoryLocator().Discover(repo.Root);

        Assert.NotNull(info);
        Assert.Equal(expected, info.Name);
        Assert.Equal(url, info.RemoteUrl);
    }

    [Fact]
    public async Task Discover_UnbornBranch_HasBranchButNoHead()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();

        var info = new GitRepositoryLocator().Discover(repo.Root);

        Assert.NotNull(info);
        Assert.Null(info.Head);
        Assert.Equal("main", info.Branch);
    }

    [Fact]
    public async Task Discover_DetachedHead_HasNoBranch()
    {
        using var repo = await TempGitRepo.CreateAsync().WithTimeout();
        repo.Write("f.txt", "x");
        await repo.CommitAllAsync().WithTimeout();
        await repo.GitAsync("checkout", "-q", "--detach").WithTimeout();

        var info = new GitRepositoryLocator().Discover(repo.Root);

        Assert.NotNull(info);
        Assert.NotNull(info.Head);
        Assert.Null(info.Branch);
    }
}
