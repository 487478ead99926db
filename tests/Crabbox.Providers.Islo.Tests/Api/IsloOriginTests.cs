using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloOriginTests
{
    [Theory]
    [InlineData("https://api.islo.dev", "https://api.islo.dev:443")]
    [InlineData("https://api.islo.dev:443/x", "https://api.islo.dev:443")]
    [InlineData("http://api.islo.dev", "http://api.islo.dev:80")]
    [InlineData("https://api.islo.dev:444", "https://api.islo.dev:444")]
    [InlineData("HTTPS://API.Islo.DEV/Path", "https://api.islo.dev:443")]
    public void Of_Url_SchemeHostAndEffectivePort(string url, string expected)
    {
        var origin = IsloOrigin.Of(new Uri(url));

        Assert.Equal(expected, origin);
    }

    [Fact]
    public void Of_PathQueryFragmentAndCredentials_Dropped()
    {
        var origin = IsloOrigin.Of(new Uri("https://user:pw@evil.example/steal/secret?token=abc#frag"));

        Assert.Equal("https://evil.example:443", origin);
    }
}
