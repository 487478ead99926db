using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Builds the API client on first use, so commands that never call Islo (or fail validation
/// first) never need a key. A missing key is exit 2 naming the variable to set.
/// <paramref name="environment"/> is where the Islo key variables are read, to keep every key
/// (not only the endpoint's) from being forwarded to a sandbox.
/// </summary>
internal sealed class IsloClientAccessor(IIsloClientFactory factory, IsloEndpoint endpoint, string providerName, EnvironmentVariables environment)
{
    private IIsloClient? _client;

    public IIsloClient Client => _client ??= Create();

    /// <summary>
    /// Whether the variable <paramref name="name"/>=<paramref name="value"/> holds an Islo API key: it
    /// is one of the key variables, or its value (trimmed, ordinal) is this endpoint's key or the
    /// value of any key variable in the environment. With the <c>local</c> provider the endpoint's
    /// key is the emulator's, yet the user's real key may be set too.
    /// </summary>
    public bool IsApiKey(string name, string? value)
    {
        if (IsloConfigKeys.ApiKeyVariables.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        return IsloConfigKeys.ApiKeyVariables.Select(environment.Get).Append(endpoint.ApiKey)
            .Any(key => string.Equals(key?.Trim(), trimmed, StringComparison.Ordinal));
    }

    private IIsloClient Create()
    {
        if (string.IsNullOrWhiteSpace(endpoint.ApiKey))
        {
            throw CrabboxException.Usage($"provider={providerName} requires ISLO_API_KEY");
        }

        return factory.Create(new IsloClientOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ComputeUrl = endpoint.ComputeUrl,
            ApiKey = endpoint.ApiKey.Trim(),
        });
    }
}
