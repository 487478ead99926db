using System.Text.RegularExpressions;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed class LeaseIdsTests
{
    [Fact]
    public void NewLeaseId_Generated_IsCanonicalAndUnique()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => LeaseIds.NewLeaseId()).ToList();

        Assert.All(ids, id => Assert.Matches("^cbx_[0-9a-f]{12}$", id));
        Assert.All(ids, id => Assert.True(LeaseIds.IsCanonicalLeaseId(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void NewRunId_Generated_IsRunPrefixPlusTwelveHexAndUnique()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => LeaseIds.NewRunId()).ToList();

        Assert.All(ids, id => Assert.Matches(new Regex("^run_[0-9a-f]{12}$"), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("cbx_0123456789ab", true)]
    [InlineData("cbx_0123456789AB", false)]
    [InlineData("cbx_0123456789a", false)]
    [InlineData("isb_crabbox-repo-abcdef", false)]
    [InlineData("run_0123456789ab", false)]
    public void IsCanonicalLeaseId_Values_MatchCanonicalPattern(string value, bool expected)
    {
        var canonical = LeaseIds.IsCanonicalLeaseId(value);

        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("cbx_000000000001")]
    [InlineData("isb_crabbox-repo-abcdef")]
    [InlineData("static_host.example")]
    [InlineData("with inner space")]
    [InlineData("CONSOLE")]
    [InlineData("COM0")]
    [InlineData("LPT10")]
    [InlineData("\u00e9t\u00e9")]
    public void IsValidClaimId_SafeNames_ReturnsTrue(string value)
    {
        var valid = LeaseIds.IsValidClaimId(value);

        Assert.True(valid);
    }

    [Theory]
    [MemberData(nameof(InvalidClaimIds))]
    public void IsValidClaimId_UnsafeNames_ReturnsFalse(string value)
    {
        var valid = LeaseIds.IsValidClaimId(value);

        Assert.False(valid);
    }

    [Fact]
    public void EnsureValidClaimId_Invalid_ThrowsUsageWithQuotedId()
    {
        var error = Assert.Throws<CrabboxException>(() => LeaseIds.EnsureValidClaimId("../etc"));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("invalid lease id \"../etc\"", error.Message);
    }

    public static TheoryData<string> InvalidClaimIds() =>
    [
        "", ".", "..", "a/b", "a\\b", "a:b", "a*b", "a?b", "a<b", "a>b", "a|b", "a\"b",
        "a\0b", "a\nb", "a\tb", "\u001f", "trailing.", " leading", "trailing ", "CON", "con",
        "prn.json", "AUX", "NUL", "COM1", "com9.txt", "LPT1", "lpt9",
    ];
}
