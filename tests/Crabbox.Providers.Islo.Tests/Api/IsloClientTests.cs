using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Api;

/// <summary>
/// The wire contract of <c>IsloClient</c> against a mocked Islo: one partial file per concern
/// (auth, sandboxes, delete, upload, exec, shares, redirects, timeouts, redaction).
/// </summary>
public sealed partial class IsloClientTests
{
    private const string SandboxJson =
        """{"id":"6f1c2d","name":"sb","status":"running","image":"docker.io/library/ubuntu:26.04","created_at":"2026-08-01T12:00:00Z","spec":{"vcpus":2,"memory_mb":4096,"disk_gb":20},"future_field":true}""";

    private const string SessionToken = IsloApiHarness.SessionToken;
    private const string SecondSessionToken = IsloApiHarness.SecondSessionToken;
    private const string ApiKey = IsloApiHarness.ApiKey;

    private static HttpMethod Get => HttpMethod.Get;

    private static HttpMethod Post => HttpMethod.Post;

    private static HttpMethod Delete => HttpMethod.Delete;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
