namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// Stands for a transport failure: MockHttp does not complete a send whose response callback
/// throws, so routes return this marker and <see cref="ThrowingResponseHandler"/> throws instead.
/// </summary>
internal sealed class ThrowingResponse(Exception exception) : HttpResponseMessage
{
    public Exception Exception { get; } = exception;
}
