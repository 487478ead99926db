using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class GlobMatcherTests
{
    [Theory]
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "app.txt", false)]
    [InlineData("*.log", "dir/app.log", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("a*", "a", true)]
    [InlineData("*x*y", "axxbxy", true)]
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[abc].txt", "d.txt", false)]
    [InlineData("[!abc].txt", "d.txt", true)]
    [InlineData("[^abc].txt", "a.txt", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[]]", "]", true)]
    [InlineData("[unclosed", "[unclosed", true)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "x", false)]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "a/b/foo", true)]
    [InlineData("**/foo", "a/b/foox", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/x/y/c", false)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("a**b", "ax/xb", false)]
    [InlineData("apps/*/.build", "apps/web/.build", true)]
    [InlineData("apps/*/.build", "apps/a/b/.build", false)]
    public void IsMatch_Pattern_MatchesLikeGitignore(string pattern, string text, bool expected)
    {
        var matched = GlobMatcher.IsMatch(pattern, text);

        Assert.Equal(expected, matched);
    }

    [Theory]
    [InlineData("dist", false)]
    [InlineData("*.log", true)]
    [InlineData("a?", true)]
    [InlineData("[ab]", true)]
    [InlineData("a\\b", true)]
    public void HasWildcards_Pattern_DetectsMetaCharacters(string pattern, bool expected)
    {
        Assert.Equal(expected, GlobMatcher.HasWildcards(pattern));
    }
}
