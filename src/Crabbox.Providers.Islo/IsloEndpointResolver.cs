using Crabbox.Core;
using Crabbox.Core.Config;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Resolves the <c>islo</c> provider's endpoint: the key from <c>CRABBOX_ISLO_API_KEY</c> or
/// <c>ISLO_API_KEY</c> (environment only), the URLs from <c>islo.baseUrl</c> and
/// <c>islo.computeUrl</c>. A URL chosen only by a repository file is refused while a key is
/// present: whoever can change the repository must not be able to redirect the user's key.
/// </summary>
internal static class IsloEndpointResolver
{
    public static IsloEndpoint Resolve(ICrabboxConfiguration config, EnvironmentVariables environment, string providerName)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        var apiKey = ApiKey(environment);
        if (apiKey is not null)
        {
            Guard(config, IsloConfigKeys.BaseUrl, "CRABBOX_ISLO_BASE_URL", "--islo-base-url", providerName);
            Guard(config, IsloConfigKeys.ComputeUrl, "CRABBOX_ISLO_COMPUTE_URL", "--islo-compute-url", providerName);
        }

        var baseUrl = Url(config.GetString(IsloConfigKeys.BaseUrl)) ?? new Uri(IsloConfigKeys.DefaultBaseUrl);
        var computeUrl = Url(config.GetString(IsloConfigKeys.ComputeUrl)) ?? baseUrl;
        return new IsloEndpoint(baseUrl, computeUrl, apiKey);
    }

    /// <summary>The trimmed key from the first non-empty variable, or null.</summary>
    public static string? ApiKey(EnvironmentVariables environment)
    {
        foreach (var name in IsloConfigKeys.ApiKeyVariables)
        {
            var value = environment.Get(name)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static void Guard(ICrabboxConfiguration config, string key, string variable, string flag, string providerName)
    {
        if (config.SourceOf(key) is { IsTrusted: false })
        {
            throw CrabboxException.Usage(
                $"provider={providerName} refuses repository-configured {key} with inherited credentials; "
                + $"set {variable} or {flag} to explicitly approve the credential destination");
        }
    }

    private static Uri? Url(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The key's kind already validated the URL; only a trailing slash is normalized away.
        var trimmed = text.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? uri
            : throw CrabboxException.Usage($"invalid islo URL \"{text}\": expected an absolute http or https URL");
    }
}
