using System.Net;
using Crabbox.Core;
using Crabbox.Core.Providers;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Bridge;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Bridge;

/// <summary>
/// The URL bridge over the real client and a mocked Islo API (bridge_test.go's checklist), with the
/// backend's clock fixed at 2026-08-01T12:00:00Z (<see cref="ManualTimeProvider"/>'s start) so share expiries are judged deterministically.
/// </summary>
public sealed class IsloBridgeTests : IDisposable
{
    private const string Name = "crabbox-repo-abcdef";
    private const string LeaseId = "isb_" + Name;
    private const string SharesPath = "/sandboxes/" + Name + "/shares";
    private const string Created = """{"share_id":"sh_new","url":"https://new.share.islo.dev","port":9090,"created_at":"2026-08-01T12:00:00Z","expires_at":"2026-08-02T12:00:00Z"}""";

    private readonly IsloApiHarness _api = new();
    private readonly BackendHarness _harness = new();

    public IsloBridgeTests()
    {
        _harness.ClientFactory = new HarnessClientFactory(_api);
        _harness.Time = new ManualTimeProvider();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<RecordedRequest> Creates => _api.Sent(HttpMethod.Post, SharesPath);

    private IReadOnlyList<RecordedRequest> Lists => _api.Sent(HttpMethod.Get, SharesPath);

    [Theory]
    [InlineData("crabbox repo abc123")]
    [InlineData("crabbox/repo/abc123")]
    [InlineData("crabbox?repo=abc123")]
    [InlineData("Crabbox-repo-abc123")]
    public void SandboxName_NonCanonicalName_RejectedWithAndWithoutLeasePrefix(string name)
    {
        var bridge = new IsloBridge(_harness.Runtime());

        var bare = Assert.Throws<CrabboxException>(() => bridge.SandboxName(name));
        var prefixed = Assert.Throws<CrabboxException>(() => bridge.SandboxName("isb_" + name));

        Assert.Equal((ExitCodes.Usage, $"islo bridge: lease \"{name}\" is not a Crabbox-owned islo sandbox"), (bare.ExitCode, bare.Message));
        Assert.Equal((ExitCodes.Usage, $"islo bridge: lease \"isb_{name}\" is not a Crabbox-owned sandbox"), (prefixed.ExitCode, prefixed.Message));
    }

    [Theory]
    [InlineData(LeaseId)]
    [InlineData(Name)]
    [InlineData("  " + LeaseId + "\n")]
    public void SandboxName_LeaseIdOrCanonicalName_NoClaimNeeded(string id)
    {
        var bridge = new IsloBridge(_harness.Runtime());

        var name = bridge.SandboxName(id);

        Assert.Equal(Name, name);
    }

    [Fact]
    public async Task PublishPeer_ExistingShare_Reused()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(
            """[{"share_id":"sh_old","url":"https://old.share.islo.dev","port":8080,"created_at":"2026-08-01T11:00:00Z","expires_at":null}]"""));

        var target = await Backend().PublishPeerAsync(Publish(8080), Ct).WithTimeout();

        Assert.Equal(new PeerTarget(8080, "https://old.share.islo.dev", "sh_old", null), target);
        Assert.Single(Lists);
        Assert.Empty(Creates);
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("\"2026-08-01T13:00:00Z\"", false)]
    [InlineData("\"2026-08-01T12:00:31Z\"", false)]
    [InlineData("\"2026-08-01T12:00:30Z\"", true)]
    [InlineData("\"2026-08-01T12:00:15Z\"", true)]
    [InlineData("\"2026-08-01T11:59:59Z\"", true)]
    [InlineData("\"not-a-time\"", true)]
    public async Task PublishPeer_ExpiryMatrix_ReusesOnlyShareWithMoreThan30sLeft(string expiresAt, bool creates)
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(
            $$"""[{"share_id":"sh_old","url":"https://old.share.islo.dev","port":9090,"created_at":"2026-08-01T11:00:00Z","expires_at":{{expiresAt}}}]"""));
        _api.On(HttpMethod.Post, SharesPath, Respond.Json(HttpStatusCode.Created, Created));

        var target = await Backend().PublishPeerAsync(Publish(9090), Ct).WithTimeout();

        Assert.Equal(creates ? "sh_new" : "sh_old", target.ShareId);
        Assert.Equal(creates ? 1 : 0, Creates.Count);
    }

    [Fact]
    public async Task PublishPeer_NoShares_CreatesWithTtl()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json("[]"));
        _api.On(HttpMethod.Post, SharesPath, Respond.Json(HttpStatusCode.Created, Created));

        var target = await Backend().PublishPeerAsync(Publish(9090), Ct).WithTimeout();

        Assert.Equal(new PeerTarget(9090, "https://new.share.islo.dev", "sh_new", new DateTimeOffset(2026, 8, 2, 12, 0, 0, TimeSpan.Zero)), target);
        Assert.Equal("""{"port":9090,"ttl_seconds":86400}""", Assert.Single(Creates).BodyText);
    }

    [Fact]
    public async Task PublishPeer_OnlyOtherPortsOrBlankUrls_Creates()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(
            """[{"share_id":"sh_a","url":"https://a.share.islo.dev","port":8080},{"share_id":"sh_b","url":"","port":9090}]"""));
        _api.On(HttpMethod.Post, SharesPath, Respond.Json(HttpStatusCode.Created, Created));

        var target = await Backend().PublishPeerAsync(Publish(9090) with { Ttl = TimeSpan.Zero }, Ct).WithTimeout();

        Assert.Equal("sh_new", target.ShareId);
        Assert.Equal("""{"port":9090}""", Assert.Single(Creates).BodyText);
    }

    [Fact]
    public async Task PublishPeer_SeveralReusable_FirstWins()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(
            """[{"share_id":"sh_1","url":"https://one.share.islo.dev","port":9090},{"share_id":"sh_2","url":"https://two.share.islo.dev","port":9090}]"""));

        var target = await Backend().PublishPeerAsync(Publish(9090), Ct).WithTimeout();

        Assert.Equal("sh_1", target.ShareId);
        Assert.Empty(Creates);
    }

    [Fact]
    public async Task PublishPeer_ListFails_DoesNotCreate()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(HttpStatusCode.InternalServerError, """{"code":"INTERNAL"}"""));
        _api.On(HttpMethod.Post, SharesPath, Respond.Json(HttpStatusCode.Created, Created));

        var error = await Assert.ThrowsAsync<IsloApiException>(() => Backend().PublishPeerAsync(Publish(9090), Ct).WithTimeout());

        Assert.Equal("""islo list shares 500 Internal Server Error: {"code":"INTERNAL"}""", error.Message);
        Assert.NotEmpty(Lists);
        Assert.Empty(Creates);
    }

    [Theory]
    [InlineData("isb_random-stranger", 8080, "islo bridge: lease \"isb_random-stranger\" is not a Crabbox-owned sandbox")]
    [InlineData("random-stranger", 8080, "islo bridge: lease \"random-stranger\" is not a Crabbox-owned islo sandbox")]
    [InlineData("", 8080, "islo bridge: missing lease id")]
    [InlineData("   ", 8080, "islo bridge: missing lease id")]
    [InlineData(LeaseId, 0, "islo bridge: port 0 out of range")]
    [InlineData(LeaseId, 70000, "islo bridge: port 70000 out of range")]
    [InlineData("", 70000, "islo bridge: port 70000 out of range")]
    public async Task PublishPeer_NonCrabboxLeaseOrBadPort_RejectedBeforeAnyCall(string leaseId, int port, string message)
    {
        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Backend().PublishPeerAsync(new PeerPublishRequest { LeaseId = leaseId, Port = port, Ttl = TimeSpan.FromHours(1) }, Ct).WithTimeout());

        Assert.Equal((ExitCodes.Usage, message), (error.ExitCode, error.Message));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task PublishPeer_LocalProvider_MessagesNameIt()
    {
        var backend = _harness.CreateBackend("local", new IsloEndpoint(new Uri(IsloApiHarness.Base), new Uri(IsloApiHarness.Base), "k"));

        var error = await Assert.ThrowsAsync<CrabboxException>(() => backend.PublishPeerAsync(new PeerPublishRequest { LeaseId = "isb_x", Port = 80 }, Ct).WithTimeout());

        Assert.Equal("local bridge: lease \"isb_x\" is not a Crabbox-owned sandbox", error.Message);
    }

    [Fact]
    public async Task ListPeerTargets_BlankUrls_Filtered()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(
            """
            [{"share_id":"sh_1","url":"https://one.share.islo.dev","port":8080,"expires_at":"2026-08-01T13:00:00Z"},
             {"share_id":"sh_2","url":"","port":8081},
             {"share_id":"sh_3","url":"https://three.share.islo.dev","port":8082,"expires_at":null}]
            """));

        var targets = await Backend().ListPeerTargetsAsync(Name, Ct).WithTimeout();

        Assert.Equal(
            [
                new PeerTarget(8080, "https://one.share.islo.dev", "sh_1", new DateTimeOffset(2026, 8, 1, 13, 0, 0, TimeSpan.Zero)),
                new PeerTarget(8082, "https://three.share.islo.dev", "sh_3", null),
            ],
            targets);
        Assert.Empty(Creates);
    }

    [Fact]
    public async Task ListPeerTargets_UnknownSandbox_Empty()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(HttpStatusCode.NotFound, """{"code":"SANDBOX_NOT_FOUND"}"""));

        var targets = await Backend().ListPeerTargetsAsync(LeaseId, Ct).WithTimeout();

        Assert.Empty(targets);
    }

    [Fact]
    public async Task ListPeerTargets_ListError_Surfaces()
    {
        _api.On(HttpMethod.Get, SharesPath, Respond.Json(HttpStatusCode.Forbidden, """{"code":"FORBIDDEN"}"""));

        var error = await Assert.ThrowsAsync<IsloAuthException>(() => Backend().ListPeerTargetsAsync(LeaseId, Ct).WithTimeout());

        Assert.Equal(ExitCodes.Auth, error.ExitCode);
        Assert.StartsWith("islo list shares 403 Forbidden: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPeerTargets_NonCrabboxLease_RejectedBeforeAnyCall()
    {
        var error = await Assert.ThrowsAsync<CrabboxException>(() => Backend().ListPeerTargetsAsync("isb_random-stranger", Ct).WithTimeout());

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Empty(_api.Requests);
    }

    public void Dispose()
    {
        _api.Dispose();
        _harness.Dispose();
    }

    private static PeerPublishRequest Publish(int port) => new() { LeaseId = LeaseId, Port = port, Ttl = TimeSpan.FromHours(24) };

    private IsloBackend Backend() => _harness.CreateBackend();
}
