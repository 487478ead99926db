using System.Text.Json;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Leases;

public sealed class IsloSandboxCreatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_Defaults_SendsOnlyNameAndMinimalInit()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        var creator = Creator(harness);

        await creator.CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token).WithTimeout();

        var request = CreateRequest(harness);
        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloCreateSandboxRequest);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["name", "init"], document.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("minimal", document.RootElement.GetProperty("init").GetProperty("type").GetString());
        Assert.StartsWith("crabbox-repo-", request.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NonDefaultValues_Sent()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Flag(IsloConfigKeys.Image, "--islo-image", "ghcr.io/acme/runner:1");
        harness.Flag(IsloConfigKeys.Vcpus, "--islo-vcpus", "4");
        harness.Flag(IsloConfigKeys.MemoryMb, "--islo-memory-mb", "8192");
        harness.Flag(IsloConfigKeys.DiskGb, "--islo-disk-gb", "80");
        harness.Flag(IsloConfigKeys.GatewayProfile, "--islo-gateway-profile", "locked-down");
        harness.Flag(IsloConfigKeys.SnapshotName, "--islo-snapshot-name", "warm-node");
        harness.Flag(IsloConfigKeys.Init, "--islo-init", "full");

        await Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token).WithTimeout();

        var request = CreateRequest(harness);
        Assert.Equal("ghcr.io/acme/runner:1", request.Image);
        Assert.Equal(4, request.Vcpus);
        Assert.Equal(8192, request.MemoryMb);
        Assert.Equal(80, request.DiskGb);
        Assert.Equal("locked-down", request.GatewayProfile);
        Assert.Equal("warm-node", request.SnapshotName);
        Assert.Equal("full", request.Init?.Type);
        Assert.Null(request.Workdir);
        Assert.Null(request.Env);
    }

    [Fact]
    public async Task CreateAsync_ExplicitDefaults_StillSent()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Variables["CRABBOX_ISLO_IMAGE"] = IsloConfigKeys.DefaultImage;
        harness.Variables["CRABBOX_ISLO_VCPUS"] = "2";
        harness.UserConfig = "islo:\n  memoryMB: 4096\n  diskGB: 20\n";

        await Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token).WithTimeout();

        var request = CreateRequest(harness);
        Assert.Equal(IsloConfigKeys.DefaultImage, request.Image);
        Assert.Equal(2, request.Vcpus);
        Assert.Equal(4096, request.MemoryMb);
        Assert.Equal(20, request.DiskGb);
    }

    [Fact]
    public async Task CreateAsync_UnsafeWorkdir_RejectedBeforeApi()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Flag(IsloConfigKeys.Workdir, "--islo-workdir", "../etc");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task CreateAsync_RepoAndPond_ClaimWithNormalizedPondAndSlug()
    {
        using var harness = await BackendHarness.WithRepoAsync();

        var (lease, _) = await Creator(harness).CreateAsync(
            new IsloCreateRequest { Repo = harness.RepoInfo, Pond = "Alpha Pond", Slug = "my-box" }, Token).WithTimeout();

        var claim = await harness.ReadClaimAsync(lease.LeaseId);
        Assert.NotNull(claim);
        Assert.Equal("alpha-pond", claim.Pond);
        Assert.Equal("my-box", claim.Slug);
        Assert.Equal("islo", claim.Provider);
        Assert.Equal(harness.RepoRoot, claim.RepoRoot);
        Assert.Equal(1800, claim.IdleTimeoutSeconds);
        Assert.True(lease.Claimed);
    }

    [Fact]
    public async Task CreateAsync_NoRepo_NoClaim()
    {
        using var harness = new BackendHarness();

        var (lease, _) = await Creator(harness).CreateAsync(new IsloCreateRequest(), Token).WithTimeout();

        Assert.StartsWith("isb_crabbox-crabbox-", lease.LeaseId, StringComparison.Ordinal);
        Assert.False(lease.Claimed);
        Assert.Null(await harness.ReadClaimAsync(lease.LeaseId));
    }

    /// <summary>The lease id follows the name Islo answered with, not the requested one.</summary>
    [Fact]
    public async Task CreateAsync_ServerRenames_LeaseUsesAnsweredName()
    {
        using var harness = new BackendHarness();
        harness.Client.OnCreate = _ => new IsloSandbox { Name = "crabbox-repo-999999", Status = "starting" };

        var (lease, created) = await Creator(harness).CreateAsync(new IsloCreateRequest(), Token).WithTimeout();

        Assert.Equal("isb_crabbox-repo-999999", lease.LeaseId);
        Assert.Equal("starting", created.Status);
    }

    [Fact]
    public async Task CreateAsync_NoNameInResponse_Readiness()
    {
        using var harness = new BackendHarness();
        harness.Client.OnCreate = _ => new IsloSandbox { Status = "running" };

        var error = await Assert.ThrowsAsync<CrabboxException>(() => Creator(harness).CreateAsync(new IsloCreateRequest(), Token)).WithTimeout();

        Assert.Equal(ExitCodes.Readiness, error.ExitCode);
        Assert.Equal("islo create sandbox returned no name", error.Message);
    }

    [Fact]
    public async Task CreateAsync_ClaimConflict_DeletesSandboxAndRethrows()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnCreate = _ => new IsloSandbox { Name = "crabbox-repo-aaaaaa", Status = "running" };
        await harness.SeedClaimAsync("isb_crabbox-repo-aaaaaa", slug: "x", repoRoot: "/someone/else");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith("lease isb_crabbox-repo-aaaaaa is claimed by repo /someone/else", error.Message, StringComparison.Ordinal);
        var delete = Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Equal("crabbox-repo-aaaaaa", delete.Sandbox);
    }

    [Fact]
    public async Task CreateAsync_ClaimConflictAndDeleteFails_NamesTheOrphanAndTheFix()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnCreate = _ => new IsloSandbox { Name = "crabbox-repo-aaaaaa", Status = "running" };
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(System.Net.HttpStatusCode.InternalServerError, null, "islo delete sandbox: 500 Internal Server Error");
        await harness.SeedClaimAsync("isb_crabbox-repo-aaaaaa", slug: "x", repoRoot: "/someone/else");

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.EndsWith(
            "; cleanup failed for islo sandbox crabbox-repo-aaaaaa: islo delete sandbox: 500 Internal Server Error; "
            + "first run `crabbox run --provider islo --id 'isb_crabbox-repo-aaaaaa' --reclaim --no-sync -- true`, "
            + "then run `crabbox stop --provider islo 'isb_crabbox-repo-aaaaaa'` to retry cleanup",
            error.Message,
            StringComparison.Ordinal);
    }

    public static TheoryData<string> MaybeReceivedFailures => ["transport", "502", "decode", "cancelled"];

    /// <summary>A create that failed after Islo may have received it can still have made the sandbox: delete the requested name.</summary>
    [Theory]
    [MemberData(nameof(MaybeReceivedFailures))]
    public async Task CreateAsync_CreateFailsAfterMaybeReceived_DeletesRequestedNameAndRethrows(string failure)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        Exception thrown = failure switch
        {
            "transport" => new IsloApiException(null, null, "islo create sandbox: connection reset by peer"),
            "502" => new IsloApiException(System.Net.HttpStatusCode.BadGateway, null, "islo create sandbox: 502 Bad Gateway"),
            "decode" => new IsloApiException(System.Net.HttpStatusCode.Created, null, "islo create sandbox: decode response: unexpected end"),
            _ => new OperationCanceledException(),
        };
        harness.Client.OnCreate = _ => throw thrown;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Same(thrown, error);
        var requested = Assert.Single(harness.Client.CallsTo("create")).Sandbox;
        var delete = Assert.Single(harness.Client.CallsTo("delete"));
        Assert.Equal(requested, delete.Sandbox);
        Assert.True(delete.TokenCancelable);
        Assert.Equal(string.Empty, harness.Error);
    }

    /// <summary>A definite refusal (4xx) created nothing, and a 409 name may belong to someone else: never delete then.</summary>
    [Theory]
    [InlineData(System.Net.HttpStatusCode.BadRequest)]
    [InlineData(System.Net.HttpStatusCode.Conflict)]
    [InlineData(System.Net.HttpStatusCode.Unauthorized)]
    public async Task CreateAsync_CreateRefused_NoDelete(System.Net.HttpStatusCode status)
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnCreate = _ => throw new IsloApiException(status, null, $"islo create sandbox: {(int)status}");

        await Assert.ThrowsAsync<IsloApiException>(() => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        Assert.Empty(harness.Client.CallsTo("delete"));
    }

    [Fact]
    public async Task CreateAsync_CreateFailsAndDeleteFails_WarnsWithReclaimThenStopHint()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        harness.Client.OnCreate = _ => throw new IsloApiException(System.Net.HttpStatusCode.ServiceUnavailable, null, "islo create sandbox: 503 Service Unavailable");
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(null, null, "islo delete sandbox: connection refused");

        var error = await Assert.ThrowsAsync<IsloApiException>(() => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, Token)).WithTimeout();

        var name = Assert.Single(harness.Client.CallsTo("create")).Sandbox;
        Assert.Equal("islo create sandbox: 503 Service Unavailable", error.Message);
        Assert.Equal(
            [
                $"warning: islo stop failed for {name}: islo delete sandbox: connection refused",
                $"cleanup: first run `crabbox run --provider islo --id 'isb_{name}' --reclaim --no-sync -- true`, then run `crabbox stop --provider islo 'isb_{name}'`",
            ],
            harness.ErrorLines);
    }

    /// <summary>Ctrl-C while the slug or claim is written: the sandbox exists, so a failed delete must still be reported.</summary>
    [Fact]
    public async Task CreateAsync_CancelledDuringClaimAndDeleteFails_WarnsBeforeRethrowing()
    {
        using var harness = await BackendHarness.WithRepoAsync();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        harness.Client.OnCreate = request =>
        {
            cancellation.Cancel();
            return new IsloSandbox { Name = request.Name, Status = "running" };
        };
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(null, null, "islo delete sandbox: connection refused");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Creator(harness).CreateAsync(new IsloCreateRequest { Repo = harness.RepoInfo }, cancellation.Token)).WithTimeout();

        var name = Assert.Single(harness.Client.CallsTo("create")).Sandbox;
        Assert.Equal(name, Assert.Single(harness.Client.CallsTo("delete")).Sandbox);
        Assert.Equal(
            [
                $"warning: islo stop failed for {name}: islo delete sandbox: connection refused",
                $"cleanup: first run `crabbox run --provider islo --id 'isb_{name}' --reclaim --no-sync -- true`, then run `crabbox stop --provider islo 'isb_{name}'`",
            ],
            harness.ErrorLines);
    }

    private static IsloSandboxCreator Creator(BackendHarness harness)
    {
        var runtime = harness.Runtime();
        return new IsloSandboxCreator(runtime, new IsloSandboxReleaser(runtime));
    }

    private static IsloCreateSandboxRequest CreateRequest(BackendHarness harness) =>
        (IsloCreateSandboxRequest)Assert.Single(harness.Client.CallsTo("create")).Payload!;
}
