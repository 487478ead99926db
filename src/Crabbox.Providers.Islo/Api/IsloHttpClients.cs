using System.Net;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// How an HttpClient for <see cref="IsloClient"/> must be built: its primary handler never
/// follows redirects (the client enforces the same-origin rule itself) and there is no overall
/// timeout. <see cref="IsloClientFactory.AddIsloClient"/> registers it that way.
/// </summary>
internal static class IsloHttpClients
{
    public const string Name = "islo";

    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        // Long-lived processes should notice DNS changes of the API hosts.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>A stand-alone client (no DI), e.g. for live tests.</summary>
    public static HttpClient Create() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
}
