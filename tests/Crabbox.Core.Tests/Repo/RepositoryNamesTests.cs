using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class RepositoryNamesTests
{
    [Theory]
    [InlineData("https://github.com/openclaw/crabbox.git", "crabbox")]
    [InlineData("https://github.com/openclaw/crabbox", "crabbox")]
    [InlineData("https://github.com/openclaw/crabbox/", "crabbox")]
    [InlineData("git@github.com:openclaw/crabbox.git", "crabbox")]
    [InlineData("git@host:crabbox.git", "crabbox")]
    [InlineData("ssh://git@example.com:2222/team/tools.git", "tools")]
    [InlineData("file:///srv/git/mirror.git", "mirror")]
    [InlineData("/srv/git/plain", "plain")]
    [InlineData("https://example.com/a/b.git?ref=x", "b")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("https://example.com/.git", null)]
    public void FromRemoteUrl_UrlForms_ReturnsLastSegmentWithoutGitSuffix(string? url, string? expected)
    {
        Assert.Equal(expected, RepositoryNames.FromRemoteUrl(url));
    }
}
