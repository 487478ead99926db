using System.Text.Json;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloShareTests
{
    [Fact]
    public void ExpiresAt_Unparseable_ExpirySetWithoutTime()
    {
        var share = Parse("""{"share_id":"sh_1","url":"https://a.share.islo.dev","port":8080,"created_at":"2026-08-01T12:00:00Z","expires_at":"soon"}""");

        var (set, time) = (share.ExpirySet, share.ExpiresAtTime);

        Assert.True(set);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("""{"port":8080}""")]
    [InlineData("""{"port":8080,"expires_at":null}""")]
    [InlineData("""{"port":8080,"expires_at":""}""")]
    public void ExpiresAt_MissingNullOrEmpty_NotSet(string json)
    {
        var share = Parse(json);

        var set = share.ExpirySet;

        Assert.False(set);
    }

    [Fact]
    public void Parse_FullShare_FieldsAndTimes()
    {
        var share = Parse("""{"share_id":"sh_abc123","url":"https://x.share.islo.dev","port":9090,"created_at":"2026-08-01T12:00:00Z","expires_at":"2026-08-02T12:00:00+00:00","extra":1}""");

        var expected = new DateTimeOffset(2026, 8, 2, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("sh_abc123", share.ShareId);
        Assert.Equal("https://x.share.islo.dev", share.Url);
        Assert.Equal(9090, share.Port);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero), share.CreatedAtTime);
        Assert.Equal(expected, share.ExpiresAtTime);
    }

    private static IsloShare Parse(string json) => JsonSerializer.Deserialize(json, IsloJsonContext.Default.IsloShare)!;
}
