using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Leases;

public sealed class IsloLeaseResolverTests
{
    private const string Name = "crabbox-repo-abcdef";
    private const string LeaseId = "isb_crabbox-repo-abcdef";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("production")]
    [InlineData("Crabbox-repo-abc123")]
    [InlineData("crabbox repo abc123")]
    [InlineData("crabbox/repo/abc123")]
    [InlineData("crabbox?repo=abc123")]
    public async Task ResolveAsync_UnclaimedNonCanonicalName_RejectedAsNotClaimed(string id)
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveAsync(id, null, false, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo sandbox \"{id}\" is not claimed by Crabbox; use a Crabbox slug or isb_<crabbox-sandbox-name>", error.Message);
    }

    [Theory]
    [InlineData("isb_production")]
    [InlineData("isb_Crabbox-repo-abc123")]
    [InlineData("isb_crabbox repo abc123")]
    [InlineData("isb_crabbox/repo/abc123")]
    public async Task ResolveAsync_LeaseIdOfNonCanonicalName_RejectedAsNotOwned(string id)
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveAsync(id, null, false, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo lease \"{id}\" is not a Crabbox-owned sandbox", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task ResolveAsync_Empty_Usage(string? id)
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveAsync(id, null, false, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("provider=islo requires a Crabbox-created sandbox name, lease id, or slug", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_UnclaimedCanonicalName_GeneratedSlug()
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var lease = await resolver.ResolveAsync(Name, null, false, Token).WithTimeout();

        Assert.Equal(new IsloLease(LeaseId, Name, Slugs.Generate(LeaseId), Claimed: false), lease);
        Assert.Equal("silver-lobster", lease.Slug);
    }

    [Theory]
    [InlineData("web")]
    [InlineData(LeaseId)]
    [InlineData(Name)]
    public async Task ResolveAsync_ClaimedLease_EveryIdentifierResolvesToClaimSlug(string id)
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web");
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var lease = await resolver.ResolveAsync(id, null, false, Token).WithTimeout();

        Assert.Equal(new IsloLease(LeaseId, Name, "web", Claimed: true), lease);
    }

    /// <summary>A claim whose slug happens to normalize to <c>isb-&lt;name&gt;</c> must not hijack a raw name.</summary>
    [Fact]
    public async Task ResolveAsync_SyntheticSlugCollision_Ignored()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync("isb_crabbox-other-111111", slug: "isb-crabbox-repo-abcdef");
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var lease = await resolver.ResolveAsync(Name, null, false, Token).WithTimeout();

        Assert.Equal(LeaseId, lease.LeaseId);
        Assert.False(lease.Claimed);
    }

    [Fact]
    public async Task ResolveAsync_ClaimOfAnotherProvider_NotAnExactClaim()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", provider: "local");
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var byName = await resolver.ResolveAsync(Name, null, false, Token).WithTimeout();
        var bySlug = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveAsync("web", null, false, Token)).WithTimeout();

        Assert.False(byName.Claimed);
        Assert.Equal(ExitCodes.Identity, bySlug.ExitCode);
    }

    [Fact]
    public async Task ResolveForRepoAsync_UnclaimedWithoutReclaim_AsksForReclaim()
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveForRepoAsync(Name, "/repo", false, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo lease \"{LeaseId}\" has no exact local claim; use --reclaim to adopt it before reuse", error.Message);
        Assert.Empty(harness.Client.Calls);
    }

    [Fact]
    public async Task ResolveForRepoAsync_VerifiedReclaim_WritesClaimWithConfigPondAndIdle()
    {
        using var harness = new BackendHarness();
        harness.UserConfig = "pond: Demo\nidleTimeout: 7m\n";
        harness.Client.AddSandbox(Name);
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var lease = await resolver.ResolveForRepoAsync(LeaseId, "/repo", true, Token).WithTimeout();

        Assert.True(lease.Claimed);
        var claim = await harness.ReadClaimAsync(LeaseId);
        Assert.NotNull(claim);
        Assert.Equal("/repo", claim.RepoRoot);
        Assert.Equal("demo", claim.Pond);
        Assert.Equal(420, claim.IdleTimeoutSeconds);
        Assert.Equal(lease.Slug, claim.Slug);
        Assert.Equal("islo", claim.Provider);
        Assert.Equal(["get"], harness.Client.Calls.Select(call => call.Method));
    }

    [Fact]
    public async Task ResolveForRepoAsync_ReclaimOfMissingSandbox_RefusesAndWritesNothing()
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveForRepoAsync(Name, "/repo", true, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo sandbox \"{Name}\" was not found; refusing to create a local claim", error.Message);
        Assert.Null(await harness.ReadClaimAsync(LeaseId));
    }

    [Fact]
    public async Task ResolveForRepoAsync_ClaimOfAnotherCheckout_NeedsReclaim()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", repoRoot: "/other");
        var resolver = new IsloLeaseResolver(harness.Runtime());

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.ResolveForRepoAsync("web", "/repo", false, Token)).WithTimeout();
        var taken = await resolver.ResolveForRepoAsync("web", "/repo", true, Token).WithTimeout();

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("use --reclaim", error.Message, StringComparison.Ordinal);
        Assert.Equal("/repo", (await harness.ReadClaimAsync(LeaseId))!.RepoRoot);
        Assert.Equal("web", taken.Slug);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("pause")]
    [InlineData("SSH reuse")]
    public async Task RequireExactClaimAsync_NoClaim_NamesTheAction(string action)
    {
        using var harness = new BackendHarness();
        var resolver = new IsloLeaseResolver(harness.Runtime());
        var lease = await resolver.ResolveAsync(Name, null, false, Token).WithTimeout();

        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.RequireExactClaimAsync(lease, action, Token)).WithTimeout();

        Assert.Equal(ExitCodes.Identity, error.ExitCode);
        Assert.Equal($"islo lease \"{LeaseId}\" has no exact local claim; adopt it with an explicit --reclaim reuse before {action}", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_OtherProviderName_OnlyItsOwnClaimsAreExact()
    {
        using var harness = new BackendHarness();
        await harness.SeedClaimAsync(LeaseId, slug: "web", provider: "islo");
        await harness.SeedClaimAsync("isb_crabbox-repo-222222", slug: "api", provider: "local");
        var resolver = new IsloLeaseResolver(harness.Runtime("local"));

        var ours = await resolver.ResolveAsync("api", null, false, Token).WithTimeout();
        var theirs = await resolver.ResolveAsync(Name, null, false, Token).WithTimeout();
        var error = await Assert.ThrowsAsync<CrabboxException>(() => resolver.RequireExactClaimAsync(theirs, "stop", Token)).WithTimeout();

        Assert.True(ours.Claimed);
        Assert.False(theirs.Claimed);
        Assert.StartsWith("local lease \"isb_crabbox-repo-abcdef\" has no exact local claim", error.Message, StringComparison.Ordinal);
    }
}
