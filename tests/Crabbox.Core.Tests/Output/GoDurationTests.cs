using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "100ns")]
    [InlineData(15_000L, "1.5ms")]
    [InlineData(8_500_000L, "850ms")]
    [InlineData(12_340_000L, "1.234s")]
    [InlineData(18_000_000_000L, "30m0s")]
    [InlineData(54_000_000_000L, "1h30m0s")]
    [InlineData(1_230_040_000L, "2m3.004s")]
    [InlineData(-10_000_000L, "-1s")]
    [InlineData(10L, "1\u00b5s")]
    public void Format_Ticks_MatchesGoDurationString(long ticks, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void FormatMilliseconds_RoundsToWholeMilliseconds()
    {
        Assert.Equal("1.235s", GoDuration.FormatMilliseconds(TimeSpan.FromTicks(12_345_678)));
    }

    [Theory]
    [InlineData("90m", 5400.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("45s", 45.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("300ms", 0.3)]
    [InlineData("0", 0.0)]
    [InlineData(" 2m3.5s ", 123.5)]
    public void TryParse_GoSyntax_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("abc")]
    [InlineData("5 m")]
    [InlineData("1.2.3s")]
    [InlineData("3d")]
    [InlineData("m")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }
}
