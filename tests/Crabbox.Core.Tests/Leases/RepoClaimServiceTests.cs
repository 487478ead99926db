using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed class RepoClaimServiceTests : IDisposable
{
    private const string LeaseId = "isb_crabbox-repo-1a2b3c";

    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 9, 23, 27, 640, TimeSpan.Zero);

    private readonly TestDirectory _directory = new();
    private readonly FixedTimeProvider _time = new(s_start);
    private readonly ClaimStore _store;
    private readonly RepoClaimService _service;

    public RepoClaimServiceTests()
    {
        _store = new ClaimStore(_directory.Paths, _time);
        _service = new RepoClaimService(_store, _directory.Paths, _time);
    }

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ClaimRequest Request(string repoRoot = "/work/repo", bool reclaim = false) => new()
    {
        LeaseId = LeaseId,
        Slug = "blue-prawn",
        Provider = "islo",
        RepoRoot = repoRoot,
        Reclaim = reclaim,
    };

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_NewLease_WritesClaimStampedToTheSecond()
    {
        var request = Request() with { Pond = "Alpha Pond", IdleTimeout = TimeSpan.FromMinutes(7) };

        var claim = await _service.ClaimForRepoAsync(request, Token);

        var stored = await _store.ReadAsync(LeaseId, Token);
        Assert.NotNull(claim);
        Assert.NotNull(stored);
        var second = new DateTimeOffset(2026, 11, 23, 9, 23, 27, TimeSpan.Zero);
        Assert.Equal((LeaseId, "blue-prawn", "islo", "/work/repo"), (stored.LeaseId, stored.Slug, stored.Provider, stored.RepoRoot));
        Assert.Equal((second, second), (stored.ClaimedAt, stored.LastUsedAt));
        Assert.Equal(("alpha-pond", 420L), (stored.Pond, stored.IdleTimeoutSeconds));
        Assert.Equal(claim.Revision, stored.Revision);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_EmptyRepoRoot_WritesNothing()
    {
        var claim = await _service.ClaimForRepoAsync(Request(repoRoot: ""), Token);

        Assert.Null(claim);
        Assert.False(Directory.Exists(_directory.Paths.StateDirectory));
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_SameRepoLater_KeepsClaimedAtAndRefreshesLastUsedAt()
    {
        await _service.ClaimForRepoAsync(Request(), Token);
        _time.Now = s_start.AddMinutes(5);

        var claim = await _service.ClaimForRepoAsync(Request() with { Slug = "renamed" }, Token);

        Assert.Equal(s_start.AddMilliseconds(-640), claim!.ClaimedAt);
        Assert.Equal(s_start.AddMinutes(5).AddMilliseconds(-640), claim.LastUsedAt);
        Assert.Equal("renamed", claim.Slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_OtherRepoWithoutReclaim_ThrowsAndKeepsClaim()
    {
        var original = await _service.ClaimForRepoAsync(Request("/work/first"), Token);

        var error = await Assert.ThrowsAsync<CrabboxException>(() => _service.ClaimForRepoAsync(Request("/work/second"), Token));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"lease {LeaseId} is claimed by repo /work/first; use --reclaim to claim it for /work/second", error.Message);
        var stored = await _store.ReadAsync(LeaseId, Token);
        Assert.Equal(("/work/first", original!.Revision), (stored!.RepoRoot, stored.Revision));
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_OtherRepoWithReclaim_RebindsAndRestartsClaimedAt()
    {
        await _service.ClaimForRepoAsync(Request("/work/first"), Token);
        _time.Now = s_start.AddHours(1);

        var claim = await _service.ClaimForRepoAsync(Request("/work/second", reclaim: true), Token);

        Assert.Equal("/work/second", claim!.RepoRoot);
        Assert.Equal(s_start.AddHours(1).AddMilliseconds(-640), claim.ClaimedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_ReclaimSameRepo_RestartsClaimedAt()
    {
        await _service.ClaimForRepoAsync(Request(), Token);
        _time.Now = s_start.AddHours(1);

        var claim = await _service.ClaimForRepoAsync(Request(reclaim: true), Token);

        Assert.Equal(s_start.AddHours(1).AddMilliseconds(-640), claim!.ClaimedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_ExistingClaimWithoutRepo_BindsWithoutReclaimAndRestartsClaimedAt()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId, ClaimedAt = s_start.AddDays(-1) }, Token);

        var claim = await _service.ClaimForRepoAsync(Request(), Token);

        Assert.Equal("/work/repo", claim!.RepoRoot);
        Assert.Equal(s_start.AddMilliseconds(-640), claim.ClaimedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_NoPondOrIdleTimeout_KeepsStoredValues()
    {
        await _service.ClaimForRepoAsync(Request() with { Pond = "demo", IdleTimeout = TimeSpan.FromSeconds(420) }, Token);

        var claim = await _service.ClaimForRepoAsync(Request() with { Pond = "  ", IdleTimeout = TimeSpan.Zero }, Token);

        Assert.Equal(("demo", 420L), (claim!.Pond, claim.IdleTimeoutSeconds));
    }

    [Fact(Timeout = 30_000)]
    public async Task ClaimForRepoAsync_ExistingUnknownFields_ArePreserved()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim
        {
            LeaseId = LeaseId,
            RepoRoot = "/work/repo",
            Labels = new Dictionary<string, string> { ["tailscale"] = "true" },
            Extra = new() { ["tailscaleIPv4"] = System.Text.Json.JsonDocument.Parse("\"100.64.0.7\"").RootElement.Clone() },
        }, Token);

        var claim = await _service.ClaimForRepoAsync(Request(), Token);

        Assert.Equal("true", claim!.Labels!["tailscale"]);
        Assert.Equal("100.64.0.7", claim.Extra!["tailscaleIPv4"].GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task RemoveAsync_ClaimAndMaterial_DeletesBoth()
    {
        await _service.ClaimForRepoAsync(Request(), Token);
        var material = _directory.Paths.LeaseMaterialDirectory(LeaseId);
        Directory.CreateDirectory(material);
        await File.WriteAllTextAsync(Path.Combine(material, "known_hosts"), "host key", Token);

        var removed = await _service.RemoveAsync(LeaseId, Token);

        Assert.True(removed);
        Assert.Null(await _store.ReadAsync(LeaseId, Token));
        Assert.False(Directory.Exists(material));
    }

    [Fact(Timeout = 30_000)]
    public async Task RemoveAsync_MaterialWithoutClaim_DeletesMaterialAndReturnsFalse()
    {
        var material = _directory.Paths.LeaseMaterialDirectory(LeaseId);
        Directory.CreateDirectory(material);

        var removed = await _service.RemoveAsync(LeaseId, Token);

        Assert.False(removed);
        Assert.False(Directory.Exists(material));
    }

    [Fact(Timeout = 30_000)]
    public async Task RemoveAsync_TraversalId_ThrowsBeforeDeletingAnything()
    {
        var testboxes = Path.Combine(_directory.Paths.ConfigDirectory, "testboxes");
        Directory.CreateDirectory(testboxes);

        var error = await Assert.ThrowsAsync<CrabboxException>(() => _service.RemoveAsync("..", Token));

        Assert.Equal("invalid lease id \"..\"", error.Message);
        Assert.True(Directory.Exists(testboxes));
    }
}
