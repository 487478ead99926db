using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed class SlugAllocatorTests : IDisposable
{
    private const string LeaseId = "cbx_000000000001";

    // FNV-1a("cbx_000000000001-<n>") & 0xffff for n = 0..18, computed independently of this code.
    private static readonly string[] s_suffixes =
    [
        "fa77", "f8e4", "fd9d", "fc0a", "f42b", "f298", "f751", "f5be", "eddf", "ec4c",
        "b5bc", "b74f", "b8e2", "ba75", "af70", "b103", "b296", "b429", "c254",
    ];

    private readonly TestDirectory _directory = new();
    private readonly ClaimStore _store;

    public SlugAllocatorTests()
    {
        _store = new ClaimStore(_directory.Paths, TimeProvider.System);
    }

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task AllocateAsync_NoClaims_ReturnsGeneratedSlug()
    {
        var slug = await SlugAllocator.AllocateAsync(LeaseId, null, _store, TestContext.Current.CancellationToken);

        Assert.Equal("tidal-lobster", slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task AllocateAsync_Requested_ReturnsNormalizedRequest()
    {
        var slug = await SlugAllocator.AllocateAsync(LeaseId, "My Web", _store, TestContext.Current.CancellationToken);

        Assert.Equal("my-web", slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task AllocateAsync_BaseAndFirstSuffixTaken_ReturnsSecondSuffix()
    {
        await SeedAsync("tidal-lobster", "Tidal Lobster FA77");

        var slug = await SlugAllocator.AllocateAsync(LeaseId, null, _store, TestContext.Current.CancellationToken);

        Assert.Equal("tidal-lobster-f8e4", slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task AllocateAsync_RequestedTaken_ReturnsRequestedWithSuffix()
    {
        await SeedAsync("web");

        var slug = await SlugAllocator.AllocateAsync(LeaseId, "WEB", _store, TestContext.Current.CancellationToken);

        Assert.Equal("web-fa77", slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task AllocateAsync_OwnClaimHasSlug_DoesNotCountAsCollision()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId, Slug = "tidal-lobster" }, TestContext.Current.CancellationToken);

        var slug = await SlugAllocator.AllocateAsync(LeaseId, null, _store, TestContext.Current.CancellationToken);

        Assert.Equal("tidal-lobster", slug);
    }

    [Fact(Timeout = 60_000)]
    public async Task AllocateAsync_AllTwentyCandidatesTaken_ReturnsLeaseIdSeededFallback()
    {
        await SeedAsync(["tidal-lobster", .. s_suffixes.Select(suffix => "tidal-lobster-" + suffix)]);

        var slug = await SlugAllocator.AllocateAsync(LeaseId, null, _store, TestContext.Current.CancellationToken);

        Assert.Equal("tidal-lobster-4ec2", slug);
    }

    [Fact(Timeout = 60_000)]
    public async Task AllocateAsync_FallbackTakenToo_ThrowsUsage()
    {
        await SeedAsync(["tidal-lobster", .. s_suffixes.Select(suffix => "tidal-lobster-" + suffix), "tidal-lobster-4ec2"]);

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => SlugAllocator.AllocateAsync(LeaseId, null, _store, TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"could not allocate a unique lease slug for {LeaseId}", error.Message);
    }

    private async Task SeedAsync(params string[] slugs)
    {
        for (var i = 0; i < slugs.Length; i++)
        {
            var other = $"cbx_{i + 1000:x12}";
            await _store.UpdateAsync(other, _ => new LeaseClaim { LeaseId = other, Slug = slugs[i] }, TestContext.Current.CancellationToken);
        }
    }
}
