using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("cbx_000000000001", "tidal-lobster")]
    [InlineData("cbx_abcdef123456", "blue-prawn")]
    [InlineData("cbx_deadbeefcafe", "silver-crab")]
    [InlineData("isb_crabbox-repo-abcdef", "silver-lobster")]
    [InlineData("isb_crabbox-node-a", "silver-krill")]
    [InlineData("isb_crabbox-test", "tidal-prawn")]
    public void Generate_ReferenceVectors_ReturnExpectedSlug(string leaseId, string expected)
    {
        var slug = Slugs.Generate(leaseId);

        Assert.Equal(expected, slug);
    }

    [Fact]
    public void Generate_ManyIds_AlwaysAdjectiveDashNoun()
    {
        var slugs = Enumerable.Range(0, 500).Select(i => Slugs.Generate($"cbx_{i:x12}")).ToList();

        Assert.All(slugs, slug => Assert.Matches("^[a-z]+-[a-z]+$", slug));
        Assert.True(slugs.Distinct().Count() > 50);
    }

    [Theory]
    [InlineData("web", "web")]
    [InlineData("Alpha Pond", "alpha-pond")]
    [InlineData("  My   Repo!  ", "my-repo")]
    [InlineData("--a--b--", "a-b")]
    [InlineData("crabbox/repo/abc123", "crabbox-repo-abc123")]
    [InlineData("crabbox?repo=abc123", "crabbox-repo-abc123")]
    [InlineData("caf\u00e9 cr\u00e8me", "caf-cr-me")]
    [InlineData("UPPER_case_42", "upper-case-42")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_Values_KeepLowercaseAsciiAlphanumericsJoinedBySingleDashes(string? value, string expected)
    {
        var slug = Slugs.Normalize(value);

        Assert.Equal(expected, slug);
    }

    [Theory]
    [InlineData("My Slug", "my-slug")]
    [InlineData("a", "a")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-0123456789abcd", "abcdefghijklmnopqrstuvwxyz-0123456789abcd")]
    public void ValidateRequested_Acceptable_ReturnsNormalized(string requested, string expected)
    {
        var slug = Slugs.ValidateRequested(requested);

        Assert.Equal(expected, slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--!--")]
    public void ValidateRequested_NothingLeft_ThrowsUsage(string requested)
    {
        var error = Assert.Throws<CrabboxException>(() => Slugs.ValidateRequested(requested));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("--slug must contain at least one letter or digit", error.Message);
    }

    [Fact]
    public void ValidateRequested_FortyTwoCharacters_ThrowsUsage()
    {
        var requested = new string('a', 42);

        var error = Assert.Throws<CrabboxException>(() => Slugs.ValidateRequested(requested));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("--slug must be 41 characters or fewer after normalization", error.Message);
    }

    [Fact]
    public void ValidateRequested_LongBeforeNormalization_CountsNormalizedLength()
    {
        var requested = "  " + new string('b', 41) + "!!!";

        var slug = Slugs.ValidateRequested(requested);

        Assert.Equal(new string('b', 41), slug);
    }

    [Fact]
    public void WithCollisionSuffix_ShortBase_AppendsFnvHex()
    {
        var slug = Slugs.WithCollisionSuffix("tidal-lobster", "cbx_000000000001-0");

        Assert.Equal("tidal-lobster-fa77", slug);
    }

    [Fact]
    public void WithCollisionSuffix_LongBase_TruncatesToFortyOneAndTrimsDash()
    {
        var longBase = new string('a', 40) + "-bbbb";

        var slug = Slugs.WithCollisionSuffix(longBase, "cbx_000000000001");

        Assert.Equal(new string('a', 40) + "-4ec2", slug);
    }
}
