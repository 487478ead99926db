namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// One logical Islo request: it may turn into several HTTP messages (redirect hops, a resend
/// after a 401, retries), each built fresh from this description.
/// </summary>
internal sealed record IsloRequest(HttpMethod Method, Uri Uri, string Accept)
{
    public IsloRequestBody? Body { get; init; }
}
