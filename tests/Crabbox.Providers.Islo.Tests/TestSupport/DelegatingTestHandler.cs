namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// A handler run by a delegate that sees the cancellation token, for tests where a response
/// must stall until the client gives up.
/// </summary>
internal sealed class DelegatingTestHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        send(request, cancellationToken);
}
