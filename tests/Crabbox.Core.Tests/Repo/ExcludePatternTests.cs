using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class ExcludePatternTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    [InlineData("/")]
    [InlineData("!")]
    public void Parse_BlankCommentOrEmpty_ReturnsNull(string line)
    {
        Assert.Null(ExcludePattern.Parse(line));
    }

    [Theory]
    [InlineData("node_modules", "node_modules/a/b.js", true)]
    [InlineData("node_modules", "packages/x/node_modules/b.js", true)]
    [InlineData("node_modules", "node_modules_extra/b.js", false)]
    [InlineData("*.log", "logs/deep/app.log", true)]
    [InlineData("*.log", "app.log.txt", false)]
    [InlineData("build/", "build/out.o", true)]
    [InlineData("build/", "src/build/out.o", true)]
    [InlineData("build/", "build", false)]
    [InlineData("build/", "src/build", false)]
    [InlineData("/build", "build/out.o", true)]
    [InlineData("/build", "src/build/out.o", false)]
    [InlineData("/notes.txt", "notes.txt", true)]
    [InlineData("/notes.txt", "docs/notes.txt", false)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "x/docs/a.md", false)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData(".yarn/cache", ".yarn/cache/pkg.zip", true)]
    [InlineData(".yarn/cache", "x/.yarn/cache/pkg.zip", false)]
    [InlineData("**/gen", "a/b/gen/file.cs", true)]
    [InlineData("**/gen", "gen", true)]
    [InlineData("src/**/tmp/", "src/a/tmp/x", true)]
    [InlineData("src/**/tmp/", "src/tmp", false)]
    [InlineData("\\#hash", "#hash", true)]
    [InlineData("\\!bang", "!bang", true)]
    [InlineData("  padded.txt  ", "padded.txt", true)]
    public void IsMatch_Rule_FollowsGitignoreSyntax(string line, string path, bool expected)
    {
        var pattern = ExcludePattern.Parse(line)!;

        var matched = pattern.IsMatch(path);

        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Parse_Bang_IsNegatedAndMatchesTheRest()
    {
        var pattern = ExcludePattern.Parse("!dist/keep.txt")!;

        Assert.True(pattern.Negated);
        Assert.True(pattern.IsMatch("dist/keep.txt"));
    }

    [Theory]
    [InlineData(".crabbox/logs", ".CRABBOX/Logs/run.txt", true)]
    [InlineData(".crabbox/logs", ".crabbox/logs", true)]
    [InlineData(".crabbox/logs", ".crabbox/logsx/run.txt", false)]
    [InlineData(".crabbox/logs", "sub/.crabbox/logs/run.txt", false)]
    public void IsMatch_IgnoreCase_MatchesRootPrefixCaseInsensitively(string line, string path, bool expected)
    {
        var pattern = ExcludePattern.Parse(line, ignoreCase: true)!;

        Assert.Equal(expected, pattern.IsMatch(path));
    }
}
