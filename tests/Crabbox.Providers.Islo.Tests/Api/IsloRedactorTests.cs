using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloRedactorTests
{
    private const string ApiKey = "ak_redactor_key_0123456789";
    private const string Token = "eyJ0b2tlbi1vbmU.payload.signature";

    [Fact]
    public void Redact_ApiKeyAndSessionToken_ReplacedRestKept()
    {
        var redactor = new IsloRedactor(ApiKey);
        redactor.Add(Token);

        var text = redactor.Redact($"quota exceeded for {ApiKey} (session {Token})");

        Assert.Equal("quota exceeded for [redacted] (session [redacted])", text);
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.def-ghi", "Authorization: [redacted]")]
    [InlineData("{\"auth\":\"bearer xyz\"}", "{\"auth\":\"[redacted]\"}")]
    public void Redact_BearerCredential_Replaced(string input, string expected)
    {
        var redactor = new IsloRedactor(ApiKey);

        var text = redactor.Redact(input);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Add_ManyTokens_ApiKeyAndNewestTokenStillRedacted()
    {
        var redactor = new IsloRedactor(ApiKey);
        for (var i = 0; i < 20; i++)
        {
            redactor.Add($"session-token-number-{i:D2}");
        }

        var text = redactor.Redact($"{ApiKey} session-token-number-19");

        Assert.Equal("[redacted] [redacted]", text);
    }

    [Fact]
    public void Redact_NoSecrets_Unchanged()
    {
        var redactor = new IsloRedactor(ApiKey);

        var text = redactor.Redact("{\"code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}");

        Assert.Equal("{\"code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}", text);
    }
}
