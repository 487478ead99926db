using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Leases;

public sealed class IsloSandboxReleaserTests
{
    private static readonly IsloLease s_lease = new("isb_crabbox-repo-abcdef", "crabbox-repo-abcdef", "web", Claimed: true);

    [Fact]
    public async Task ReleaseAsync_Deleted_RemovesClaimAndMaterial()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(s_lease.LeaseId, slug: "web");
        var material = harness.Paths.LeaseMaterialDirectory(s_lease.LeaseId);
        Directory.CreateDirectory(material);

        var error = await new IsloSandboxReleaser(harness.Runtime()).ReleaseAsync(s_lease).WithTimeout();

        Assert.Null(error);
        Assert.Null(await harness.ReadClaimAsync(s_lease.LeaseId));
        Assert.False(Directory.Exists(material));
        Assert.Equal("", harness.Error);
    }

    [Fact]
    public async Task ReleaseAsync_DeleteFails_WarnsWithCleanupCommandAndKeepsClaim()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(s_lease.LeaseId, slug: "web");
        harness.Client.OnDelete = (_, _) => throw new IsloApiException(System.Net.HttpStatusCode.BadGateway, null, "islo delete sandbox: 502 Bad Gateway");

        var error = await new IsloSandboxReleaser(harness.Runtime("local")).ReleaseAsync(s_lease).WithTimeout();

        Assert.Equal("islo delete sandbox: 502 Bad Gateway", error);
        Assert.Equal(
            [
                "warning: local stop failed for crabbox-repo-abcdef: islo delete sandbox: 502 Bad Gateway",
                "cleanup: crabbox stop --provider local 'isb_crabbox-repo-abcdef'",
            ],
            harness.ErrorLines);
        Assert.NotNull(await harness.ReadClaimAsync(s_lease.LeaseId));
    }

    /// <summary>The delete runs on its own bounded token, so a hung API cannot hang cleanup.</summary>
    [Fact]
    public async Task TryDeleteAsync_DeleteHangs_BoundedByCleanupTimeout()
    {
        using var harness = new BackendHarness { Time = TimeProvider.System };
        harness.Client.OnDelete = (_, token) => Task.Delay(Timeout.Infinite, token);
        var timeouts = new IsloTimeouts { Cleanup = TimeSpan.FromMilliseconds(100) };

        var error = await new IsloSandboxReleaser(harness.Runtime(timeouts: timeouts)).TryDeleteAsync(s_lease.Name).WithTimeout();

        Assert.Equal("timed out after 100ms", error);
        Assert.True(Assert.Single(harness.Client.CallsTo("delete")).TokenCancelable);
    }
}
