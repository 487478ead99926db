using System.Text;
using Crabbox.Core;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Where and how the Islo client talks. <see cref="BaseUrl"/> is the control plane (token
/// exchange); <see cref="ComputeUrl"/> serves every <c>/sandboxes...</c> route and defaults to
/// <see cref="BaseUrl"/>. Both must be absolute http(s) URLs with a host and no credentials,
/// query or fragment; a path prefix is kept and routes are appended to it. Setting an invalid URL throws
/// a usage <see cref="CrabboxException"/> (exit 2). <see cref="ApiKey"/> is a secret: the caller
/// checks it is set, and <see cref="ToString"/> never prints it.
/// </summary>
internal sealed record IsloClientOptions
{
    public static readonly Uri DefaultBaseUrl = new("https://api.islo.dev");

    public static readonly TimeSpan DefaultResponseHeaderTimeout = TimeSpan.FromSeconds(30);

    private readonly Uri _baseUrl = DefaultBaseUrl;
    private readonly Uri? _computeUrl;

    public required Uri BaseUrl
    {
        get => _baseUrl;
        init => _baseUrl = Validate(value);
    }

    /// <summary>The compute plane; <see cref="BaseUrl"/> unless set.</summary>
    public Uri ComputeUrl
    {
        get => _computeUrl ?? _baseUrl;
        init => _computeUrl = Validate(value);
    }

    public required string ApiKey { get; init; }

    /// <summary>How long each request waits for response headers; bodies and streams are unbounded.</summary>
    public TimeSpan ResponseHeaderTimeout { get; init; } = DefaultResponseHeaderTimeout;

    private static Uri Validate(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsAbsoluteUri
            || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(value.Host))
        {
            throw CrabboxException.Usage("islo base URL must include scheme and host");
        }

        if (value.Query.Length > 0 || value.Fragment.Length > 0 || value.UserInfo.Length > 0)
        {
            throw CrabboxException.Usage("islo base URL must not include credentials, a query or a fragment");
        }

        return value;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl)
            .Append(", ComputeUrl = ").Append(ComputeUrl)
            .Append(", ApiKey = [redacted]")
            .Append(", ResponseHeaderTimeout = ").Append(ResponseHeaderTimeout);
        return true;
    }
}
