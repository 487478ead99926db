using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloClientOptionsTests
{
    private const string ApiKey = "ak_options_secret_key_0123456789";

    [Fact]
    public void ComputeUrl_NotSet_DefaultsToBaseUrl()
    {
        var options = new IsloClientOptions { BaseUrl = new Uri("https://api.islo.dev"), ApiKey = ApiKey };

        var compute = options.ComputeUrl;

        Assert.Equal(new Uri("https://api.islo.dev"), compute);
    }

    [Fact]
    public void ComputeUrl_Set_KeptApartFromBaseUrl()
    {
        var options = new IsloClientOptions
        {
            BaseUrl = new Uri("https://api.islo.dev"),
            ComputeUrl = new Uri("https://ca.compute.islo.dev/prefix/"),
            ApiKey = ApiKey,
        };

        var (control, compute) = (options.BaseUrl, options.ComputeUrl);

        Assert.Equal(new Uri("https://api.islo.dev"), control);
        Assert.Equal(new Uri("https://ca.compute.islo.dev/prefix/"), compute);
    }

    [Fact]
    public void ResponseHeaderTimeout_NotSet_IsThirtySeconds()
    {
        var options = new IsloClientOptions { BaseUrl = IsloClientOptions.DefaultBaseUrl, ApiKey = ApiKey };

        var timeout = options.ResponseHeaderTimeout;

        Assert.Equal(TimeSpan.FromSeconds(30), timeout);
    }

    [Theory]
    [InlineData("ftp://api.islo.dev")]
    [InlineData("file:///tmp/islo")]
    [InlineData("mailto:ops@islo.dev")]
    public void BaseUrl_NotHttp_ThrowsUsageError(string url)
    {
        var uri = new Uri(url);

        var error = Assert.Throws<CrabboxException>(() => new IsloClientOptions { BaseUrl = uri, ApiKey = ApiKey });

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("islo base URL must include scheme and host", error.Message);
    }

    [Fact]
    public void BaseUrl_Relative_ThrowsUsageError()
    {
        var uri = new Uri("api.islo.dev/v1", UriKind.Relative);

        var error = Assert.Throws<CrabboxException>(() => new IsloClientOptions { BaseUrl = uri, ApiKey = ApiKey });

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Theory]
    [InlineData("https://api.islo.dev/?token=x")]
    [InlineData("https://api.islo.dev/#frag")]
    [InlineData("https://user:pass@api.islo.dev/")]
    public void ComputeUrl_WithQueryFragmentOrCredentials_ThrowsUsageError(string url)
    {
        var uri = new Uri(url);

        var error = Assert.Throws<CrabboxException>(
            () => new IsloClientOptions { BaseUrl = IsloClientOptions.DefaultBaseUrl, ComputeUrl = uri, ApiKey = ApiKey });

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.DoesNotContain("pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithApiKey_DoesNotRevealIt()
    {
        var options = new IsloClientOptions { BaseUrl = IsloClientOptions.DefaultBaseUrl, ApiKey = ApiKey };

        var text = options.ToString();

        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = [redacted]", text, StringComparison.Ordinal);
        Assert.Contains("https://api.islo.dev/", text, StringComparison.Ordinal);
    }
}
