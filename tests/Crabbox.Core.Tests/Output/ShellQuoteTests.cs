using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Quote_AlwaysSingleQuotes(string value, string expected)
    {
        Assert.Equal(expected, ShellQuote.Quote(value));
    }

    [Theory]
    [InlineData("isb_crabbox-repo-1a2b3c", "isb_crabbox-repo-1a2b3c")]
    [InlineData("a;touch", "'a;touch'")]
    [InlineData("two words", "'two words'")]
    [InlineData("", "''")]
    public void QuoteIfNeeded_OnlyQuotesUnsafeWords(string value, string expected)
    {
        Assert.Equal(expected, ShellQuote.QuoteIfNeeded(value));
    }

    [Fact]
    public void Join_MixedWords_QuotesOnlyUnsafeOnes()
    {
        string[] words = ["printf", "%s|", "it's", "a b", "$HOME", "-n"];

        var script = ShellQuote.Join(words);

        Assert.Equal("printf '%s|' 'it'\\''s' 'a b' '$HOME' -n", script);
    }
}
