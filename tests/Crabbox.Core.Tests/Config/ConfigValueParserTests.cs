using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

public sealed class ConfigValueParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1048576", 1_048_576L)]
    [InlineData("512B", 512L)]
    [InlineData("1KB", 1_000L)]
    [InlineData("512MB", 512_000_000L)]
    [InlineData("5GB", 5_000_000_000L)]
    [InlineData("2TB", 2_000_000_000_000L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("1.5KiB", 1_536L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("5GiB", 5_368_709_120L)]
    [InlineData("20GiB", 21_474_836_480L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("5 GiB", 5_368_709_120L)]
    [InlineData("5gib", 5_368_709_120L)]
    [InlineData(" 10 mb ", 10_000_000L)]
    public void TryParseByteSize_ValidText_ReturnsBytes(string text, long expected)
    {
        Assert.True(ConfigValueParser.TryParseByteSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GiB")]
    [InlineData("-1")]
    [InlineData("-1GiB")]
    [InlineData("1.5")]
    [InlineData("5G")]
    [InlineData("5 GBs")]
    [InlineData("5PiB")]
    [InlineData("1.2.3MB")]
    [InlineData("99999999999TiB")]
    public void TryParseByteSize_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(ConfigValueParser.TryParseByteSize(text, out _));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("OFF", false)]
    [InlineData(" yes ", true)]
    public void TryParseBoolean_ValidWord_ReturnsValue(string text, bool expected)
    {
        Assert.True(ConfigValueParser.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("y")]
    [InlineData("enabled")]
    [InlineData("truee")]
    public void TryParseBoolean_OtherText_ReturnsFalse(string text)
    {
        Assert.False(ConfigValueParser.TryParseBoolean(text, out _));
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("-7", true)]
    [InlineData("+7", true)]
    [InlineData("1e3", false)]
    [InlineData("0x10", false)]
    [InlineData("1,000", false)]
    [InlineData("99999999999999999999", false)]
    public void TryParseNumber_Text_AcceptsOnlyBase10Integers(string text, bool valid)
    {
        Assert.Equal(valid, ConfigValueParser.TryParseNumber(text, out _));
    }

    [Theory]
    [InlineData("90m", true)]
    [InlineData("1h30m", true)]
    [InlineData("0", false)]
    [InlineData("0s", false)]
    [InlineData("-1m", false)]
    [InlineData("90", false)]
    public void TryParseDuration_Text_AcceptsPositiveGoDurations(string text, bool valid)
    {
        Assert.Equal(valid, ConfigValueParser.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("https://api.islo.dev", true)]
    [InlineData("http://127.0.0.1:8080/v1", true)]
    [InlineData("ftp://example.com", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/path", false)]
    [InlineData("example.com", false)]
    [InlineData("https://", false)]
    public void IsHttpUrl_Text_AcceptsAbsoluteHttpWithHost(string text, bool valid)
    {
        Assert.Equal(valid, ConfigValueParser.IsHttpUrl(text));
    }

    [Fact]
    public void Problem_AllowedValues_ComparedCaseInsensitively()
    {
        var key = new ConfigKey("demo.mode", ConfigValueKind.Text, "test") { AllowedValues = ["fast", "slow"] };

        Assert.Null(ConfigValueParser.Problem(key, "FAST"));
        Assert.Equal("expected one of fast, slow", ConfigValueParser.Problem(key, "medium"));
    }
}
