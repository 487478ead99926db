using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Builds the API client on first use, so commands that never call Islo (or fail validation
/// first) never need a key. A missing key is exit 2 naming the variable to set.
/// </summary>
internal sealed class IsloClientAccessor(IIsloClientFactory factory, IsloEndpoint endpoint, string providerName)
{
    private IIsloClient? _client;

    public IIsloClient Client => _client ??= Create();

    /// <summary>Whether <paramref name="value"/> is this endpoint's API key (compared trimmed, ordinal).</summary>
    public bool IsApiKey(string? value) =>
        !string.IsNullOrWhiteSpace(endpoint.ApiKey) && string.Equals(value?.Trim(), endpoint.ApiKey.Trim(), StringComparison.Ordinal);

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
