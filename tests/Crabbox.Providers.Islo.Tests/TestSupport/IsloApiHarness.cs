using Crabbox.Providers.Islo.Api;
using RichardSzalay.MockHttp;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// A client wired to a <see cref="MockHttpMessageHandler"/> that records every message, a
/// manual clock (token expiry, header timeouts) and instant retry delays. Routes match the exact
/// method and escaped path+query; each route answers with its factories in turn, the last one
/// repeating. Unless a test routes <c>/auth/token</c> itself, the key exchanges for
/// <see cref="SessionToken"/> valid for an hour.
/// </summary>
internal sealed class IsloApiHarness : IDisposable
{
    public const string ApiKey = "ak_test_5ecretKeyValue0123456789";
    public const string SessionToken = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi1vbmU.sig-one";
    public const string SecondSessionToken = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi10d28.sig-two";
    public const string Base = "https://api.islo.test";
    public const string AuthPath = "/auth/token";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _unrouted = [];
    private bool _tokenRouted;

    public IsloApiHarness()
    {
        // An unrouted request must fail loudly: MockHttp's default 404 would pass for a successful delete.
        Http.Fallback.Respond(async request =>
        {
            var recorded = await RecordedRequest.FromAsync(request);
            lock (_gate)
            {
                _unrouted.Add(recorded);
            }

            return new ThrowingResponse(new InvalidOperationException($"unrouted request {request.Method} {request.RequestUri}"));
        });
    }

    public MockHttpMessageHandler Http { get; } = new();

    /// <summary>Requests no route answered (each also failed the call).</summary>
    public IReadOnlyList<RecordedRequest> Unrouted
    {
        get
        {
            lock (_gate)
            {
                return [.. _unrouted];
            }
        }
    }

    public ManualTimeProvider Clock { get; } = new();

    public InstantDelayTimeProvider Delays { get; } = new();

    public IsloClientOptions Options { get; set; } = new() { BaseUrl = new Uri(Base), ApiKey = ApiKey };

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Sent(HttpMethod method, string pathAndQuery) =>
        [.. Requests.Where(r => r.Method == method && r.PathAndQuery == pathAndQuery)];

    public IReadOnlyList<RecordedRequest> Exchanges => Sent(HttpMethod.Post, AuthPath);

    /// <summary>Answers <paramref name="method"/> <paramref name="pathAndQuery"/> on <see cref="Base"/>.</summary>
    public MockedRequest On(HttpMethod method, string pathAndQuery, params Func<HttpResponseMessage>[] responses) =>
        On(Base, method, pathAndQuery, responses);

    public MockedRequest On(string origin, HttpMethod method, string pathAndQuery, params Func<HttpResponseMessage>[] responses) =>
        OnAsync(origin, method, pathAndQuery, [.. responses.Select(respond => (Func<Task<HttpResponseMessage>>)(() => Task.FromResult(respond())))]);

    /// <summary>Like <see cref="On(string, HttpMethod, string, Func{HttpResponseMessage}[])"/>, with responses that may wait.</summary>
    public MockedRequest OnAsync(string origin, HttpMethod method, string pathAndQuery, params Func<Task<HttpResponseMessage>>[] responses)
    {
        if (pathAndQuery == AuthPath)
        {
            _tokenRouted = true;
        }

        var next = 0;
        var route = Http.When(method, origin + "/*")
            .With(request => request.RequestUri!.GetLeftPart(UriPartial.Authority) == new Uri(origin).GetLeftPart(UriPartial.Authority)
                && request.RequestUri.PathAndQuery == pathAndQuery);
        route.Respond(async request =>
        {
            RecordedRequest recorded;
            try
            {
                recorded = await RecordedRequest.FromAsync(request);
            }
            catch (Exception ex)
            {
                // Reading the body ran the client's content writer; its failure is the transport's.
                return new ThrowingResponse(ex);
            }

            lock (_gate)
            {
                _requests.Add(recorded);
            }

            var index = Interlocked.Increment(ref next) - 1;
            return await responses[Math.Min(index, responses.Length - 1)]();
        });
        return route;
    }

    /// <summary>Answers the token exchange with <paramref name="responses"/> in turn.</summary>
    public MockedRequest OnToken(params Func<HttpResponseMessage>[] responses) =>
        On(HttpMethod.Post, AuthPath, responses);

    public IsloClient CreateClient(HttpMessageHandler? handler = null)
    {
        if (!_tokenRouted)
        {
            OnToken(Respond.Token(SessionToken));
        }

        var httpClient = new HttpClient(handler ?? new ThrowingResponseHandler(Http));
        return new IsloClient(httpClient, Options, Clock, new IsloRetryPolicy(Delays));
    }

    public void Dispose() => Http.Dispose();
}
