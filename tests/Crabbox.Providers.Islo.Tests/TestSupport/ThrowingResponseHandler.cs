namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Turns a <see cref="ThrowingResponse"/> from the inner handler into the exception it carries.</summary>
internal sealed class ThrowingResponseHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response is ThrowingResponse throwing)
        {
            response.Dispose();
            throw throwing.Exception;
        }

        return response;
    }
}
