using Crabbox.Core;
using Crabbox.Core.Runs;
using Crabbox.Core.Sync.Delta;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloBackendTests
{
    [Fact]
    public async Task ListAsync_MixedInventory_OnlyCanonicalCrabboxSandboxes()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", pond: "alpha-pond");
        harness.Client.ListResult =
        [
            new IsloSandbox { Id = "u1", Name = Name, Status = "running" },
            new IsloSandbox { Id = "u2", Name = "production", Status = "running" },
            new IsloSandbox { Id = "u3", Name = "Crabbox-Repo-1", Status = "running" },
            new IsloSandbox { Id = "u4", Name = "crabbox-other-222222", Status = "paused" },
            new IsloSandbox { Id = "u5", Status = "running" },
        ];

        var leases = await harness.CreateBackend().ListAsync(new ListRequest(), Token).WithTimeout();

        Assert.Equal([Name, "crabbox-other-222222"], leases.Select(lease => lease.Name));
        Assert.Equal("u1", leases[0].CloudId);
        Assert.Equal("web", leases[0].Labels["slug"]);
        Assert.Equal("alpha-pond", leases[0].Labels["pond"]);
        Assert.Equal("isb_crabbox-other-222222", leases[1].Labels["lease"]);
        Assert.Equal("paused", leases[1].Labels["state"]);
    }

    [Fact]
    public async Task ListAsync_PondFilter_KeepsMatchingClaims()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", pond: "alpha-pond");
        harness.Client.ListResult = [new IsloSandbox { Name = Name, Status = "running" }, new IsloSandbox { Name = "crabbox-other-222222", Status = "running" }];

        var leases = await harness.CreateBackend().ListAsync(new ListRequest { Pond = "Alpha Pond" }, Token).WithTimeout();

        Assert.Equal([Name], leases.Select(lease => lease.Name));
    }

    [Fact]
    public async Task PauseAsync_ClaimedSandbox_PausesAndKeepsClaim()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        harness.Client.AddSandbox(Name);

        await harness.CreateBackend().PauseAsync(new LeaseRequest { Id = Name }, Token).WithTimeout();

        Assert.Equal(["pause"], harness.Client.Calls.Select(call => call.Method));
        Assert.Equal($"paused lease={LeaseId} sandbox={Name}\n", harness.Error);
        Assert.NotNull(await harness.ReadClaimAsync(LeaseId));
    }

    [Fact]
    public async Task ResumeAsync_ClaimedSandbox_ResumesWithoutWaiting()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        harness.Client.AddSandbox(Name, "paused");

        await harness.CreateBackend().ResumeAsync(new LeaseRequest { Id = "web" }, Token).WithTimeout();

        Assert.Equal(["resume"], harness.Client.Calls.Select(call => call.Method));
        Assert.Equal($"resumed lease={LeaseId} sandbox={Name}\n", harness.Error);
    }

    [Fact]
    public async Task StopAsync_ClaimedSlug_DeletesOnceAndRemovesClaimAndMaterial()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        harness.Client.AddSandbox(Name);
        var material = harness.Paths.LeaseMaterialDirectory(LeaseId);
        Directory.CreateDirectory(material);

        await harness.CreateBackend().StopAsync(new LeaseRequest { Id = "web" }, Token).WithTimeout();

        Assert.Equal(Name, Assert.Single(harness.Client.CallsTo("delete")).Sandbox);
        Assert.Null(await harness.ReadClaimAsync(LeaseId));
        Assert.False(Directory.Exists(material));
        Assert.Equal($"released lease={LeaseId} sandbox={Name}\n", harness.Error);
    }

    [Fact]
    public async Task StopAsync_LeaseWithSyncRecord_DeletesTheRecord()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        harness.Client.AddSandbox(Name);
        var store = new SyncRecordStore(harness.Paths);
        await store.SaveAsync(LeaseId, new SyncRecord { Workspace = "/workspace/crabbox", Entries = [] }, Token).WithTimeout();

        await harness.CreateBackend().StopAsync(new LeaseRequest { Id = "web" }, Token).WithTimeout();

        Assert.Null(await store.LoadAsync(LeaseId, "/workspace/crabbox", Token).WithTimeout());
        Assert.False(Directory.Exists(harness.Paths.SyncStateDirectory(LeaseId)));
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task Mutations_CanonicalSandboxWithoutClaim_RejectedWithoutAnyCall(string action)
    {
        using var harness = new BackendHarness();
        harness.Client.AddSandbox(Name);
        var backend = harness.CreateBackend();
        var request = new LeaseRequest { Id = Name };

        var error = await Assert.ThrowsAsync<CrabboxException>(() => action switch
        {
            "stop" => backend.StopAsync(request, Token),
            "pause" => backend.PauseAsync(request, Token),
            _ => backend.ResumeAsync(request, Token),
        }).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo lease \"{LeaseId}\" has no exact local claim; adopt it with an explicit --reclaim reuse before {action}", error.Message);
        Assert.Empty(harness.Client.Calls);
    }

    [Theory]
    [InlineData("stop", "production")]
    [InlineData("stop", "isb_Crabbox-repo-abc123")]
    [InlineData("stop", "crabbox/repo/abc123")]
    [InlineData("pause", "production")]
    [InlineData("resume", "production")]
    public async Task Mutations_NonCrabboxSandbox_RejectedBeforeAnyCall(string action, string id)
    {
        using var harness = new BackendHarness();
        var backend = harness.CreateBackend();
        var request = new LeaseRequest { Id = id };

        var error = await Assert.ThrowsAsync<CrabboxException>(() => action switch
        {
            "stop" => backend.StopAsync(request, Token),
            "pause" => backend.PauseAsync(request, Token),
            _ => backend.ResumeAsync(request, Token),
        }).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task StopAsync_DeleteFails_ClaimAndSyncRecordKept()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        var store = new SyncRecordStore(harness.Paths);
        await store.SaveAsync(LeaseId, new SyncRecord { Workspace = "/workspace/crabbox", Entries = [] }, Token).WithTimeout();
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(System.Net.HttpStatusCode.InternalServerError, null, """islo delete sandbox 500 Internal Server Error: {"code":"INTERNAL_ERROR"}""");

        var error = await Assert.ThrowsAsync<IsloApiException>(() => harness.CreateBackend().StopAsync(new LeaseRequest { Id = "web" }, Token)).WithTimeout();

        Assert.Equal("""islo delete sandbox 500 Internal Server Error: {"code":"INTERNAL_ERROR"}""", error.Message);
        Assert.NotNull(await harness.ReadClaimAsync(LeaseId));
        Assert.NotNull(await store.LoadAsync(LeaseId, "/workspace/crabbox", Token).WithTimeout());
    }
}
