using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed class Fnv1aTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("\u00fc", 0x119dd44au)]
    [InlineData("cbx_000000000001", 0x1e354ec2u)]
    public void Hash32_KnownInputs_MatchReferenceVectors(string value, uint expected)
    {
        var hash = Fnv1a.Hash32(value);

        Assert.Equal(expected, hash);
    }

    [Theory]
    [InlineData("cbx_000000000001", "4ec2")]
    [InlineData("cbx_000000000001-0", "fa77")]
    [InlineData("cbx_abcdef123456", "2195")]
    public void Hex16_KnownInputs_ReturnsLowSixteenBitsAsFourHexDigits(string value, string expected)
    {
        var hex = Fnv1a.Hex16(value);

        Assert.Equal(expected, hex);
    }
}
