using System.Runtime.Versioning;
using System.Text.Json;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed partial class ClaimStoreTests : IDisposable
{
    private const string LeaseId = "cbx_abcdef123456";

    private readonly TestDirectory _directory = new();
    private readonly ClaimStore _store;

    public ClaimStoreTests()
    {
        _store = new ClaimStore(_directory.Paths, TimeProvider.System);
    }

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string ClaimFile(string leaseId) => Path.Combine(_directory.Paths.ClaimsDirectory, leaseId + ".json");

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_NewClaim_WritesGoSchemaJsonExactly()
    {
        var claim = new LeaseClaim
        {
            LeaseId = LeaseId,
            Slug = "blue-prawn",
            Provider = "islo",
            Pond = "alpha",
            RepoRoot = "/work/repo",
            ClaimedAt = new DateTimeOffset(2026, 11, 23, 9, 23, 27, TimeSpan.Zero),
            LastUsedAt = new DateTimeOffset(2026, 11, 23, 11, 25, 0, 750, TimeSpan.FromHours(2)),
            IdleTimeoutSeconds = 1800,
            Labels = new Dictionary<string, string> { ["tailscale"] = "true", ["b"] = "2", ["a"] = "1" },
        };

        var stored = await _store.UpdateAsync(LeaseId, _ => claim, Token);

        Assert.NotNull(stored);
        Assert.Matches("^[0-9a-f]{32}$", stored.Revision);
        var expected = $$"""
            {
              "leaseID": "cbx_abcdef123456",
              "revision": "{{stored.Revision}}",
              "slug": "blue-prawn",
              "provider": "islo",
              "pond": "alpha",
              "repoRoot": "/work/repo",
              "claimedAt": "2026-11-23T09:23:27Z",
              "lastUsedAt": "2026-11-23T09:25:00Z",
              "idleTimeoutSeconds": 1800,
              "labels": {
                "a": "1",
                "b": "2",
                "tailscale": "true"
              }
            }

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(ClaimFile(LeaseId), Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_MinimalClaim_OmitsEmptyOptionalFields()
    {
        var claim = new LeaseClaim { LeaseId = LeaseId, Slug = "", Provider = "islo", Labels = new Dictionary<string, string>() };

        var stored = await _store.UpdateAsync(LeaseId, _ => claim, Token);

        var expected = $$"""
            {
              "leaseID": "cbx_abcdef123456",
              "revision": "{{stored!.Revision}}",
              "provider": "islo",
              "repoRoot": "",
              "claimedAt": "0001-01-01T00:00:00Z",
              "lastUsedAt": "0001-01-01T00:00:00Z"
            }

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(ClaimFile(LeaseId), Token));
    }

    [Fact(Timeout = 30_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task UpdateAsync_NewClaim_UsesOwnerOnlyModes()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");

        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId }, Token);

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner, File.GetUnixFileMode(ClaimFile(LeaseId)));
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(_directory.Paths.ClaimLocksDirectory, LeaseId + ".json.lock")));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory.Paths.ClaimsDirectory));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory.Paths.ClaimLocksDirectory));
        Assert.Empty(Directory.EnumerateFiles(_directory.Paths.ClaimsDirectory, ".*"));
    }

    [Fact(Timeout = 30_000)]
    public async Task ReadAsync_AfterUpdate_RoundTripsEveryField()
    {
        var written = await _store.UpdateAsync(LeaseId, _ => new LeaseClaim
        {
            LeaseId = LeaseId,
            Slug = "web",
            Provider = "islo",
            Pond = "alpha-pond",
            RepoRoot = "/work/caf\u00e9 repo",
            ClaimedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            LastUsedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero),
            IdleTimeoutSeconds = 420,
            Labels = new Dictionary<string, string> { ["tailscale_state"] = "ready" },
        }, Token);

        var read = await _store.ReadAsync(LeaseId, Token);

        Assert.NotNull(read);
        Assert.Equal(written!.Revision, read.Revision);
        Assert.Equal(("web", "islo", "alpha-pond", "/work/caf\u00e9 repo"), (read.Slug, read.Provider, read.Pond, read.RepoRoot));
        Assert.Equal(written.ClaimedAt, read.ClaimedAt);
        Assert.Equal(written.LastUsedAt, read.LastUsedAt);
        Assert.Equal(420, read.IdleTimeoutSeconds);
        Assert.Equal("ready", Assert.Contains("tailscale_state", read.Labels!));
        Assert.Contains("caf\u00e9 repo", await File.ReadAllTextAsync(ClaimFile(LeaseId), Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_FileWithUnknownFields_PreservesThemOnRewrite()
    {
        Directory.CreateDirectory(_directory.Paths.ClaimsDirectory);
        await File.WriteAllTextAsync(ClaimFile(LeaseId), """
            {
              "leaseID": "cbx_abcdef123456",
              "revision": "00000000000000000000000000000000",
              "slug": "web",
              "provider": "aws",
              "cloudID": "i-0123",
              "repoRoot": "/work/repo",
              "claimedAt": "2026-11-23T09:23:27.123456789Z",
              "lastUsedAt": "2026-11-23T11:23:27+02:00",
              "tailscaleTags": ["tag:ci", "tag:crabbox"],
              "fixedCreateIntent": {"version": 1, "attempt": 2}
            }
            """, Token);

        var stored = await _store.UpdateAsync(LeaseId, claim => claim! with { Slug = "api" }, Token);

        Assert.NotEqual("00000000000000000000000000000000", stored!.Revision);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 23, 27, 123, TimeSpan.Zero).AddTicks(4567), stored.ClaimedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 23, 27, TimeSpan.Zero), stored.LastUsedAt);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(ClaimFile(LeaseId), Token));
        var root = document.RootElement;
        Assert.Equal("api", root.GetProperty("slug").GetString());
        Assert.Equal("i-0123", root.GetProperty("cloudID").GetString());
        Assert.Equal(["tag:ci", "tag:crabbox"], root.GetProperty("tailscaleTags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(2, root.GetProperty("fixedCreateIntent").GetProperty("attempt").GetInt32());
        Assert.Equal("2026-11-23T09:23:27Z", root.GetProperty("claimedAt").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_MutationReturnsNull_DeletesClaim()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId }, Token);

        var result = await _store.UpdateAsync(LeaseId, _ => null, Token);

        Assert.Null(result);
        Assert.False(File.Exists(ClaimFile(LeaseId)));
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_MutationThrows_WritesNothingAndReleasesLock()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId, Slug = "before" }, Token);

        await Assert.ThrowsAsync<CrabboxException>(() => _store.UpdateAsync(LeaseId, _ => throw CrabboxException.Usage("nope"), Token));

        Assert.Equal("before", (await _store.ReadAsync(LeaseId, Token))!.Slug);
        var after = await _store.UpdateAsync(LeaseId, claim => claim! with { Slug = "after" }, Token);
        Assert.Equal("after", after!.Slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_LockHeldElsewhere_ThrowsLockedAfterBoundedWait()
    {
        var store = new ClaimStore(_directory.Paths, TimeProvider.System, TimeSpan.FromMilliseconds(300));
        Directory.CreateDirectory(_directory.Paths.ClaimLocksDirectory);
        var lockFile = Path.Combine(_directory.Paths.ClaimLocksDirectory, LeaseId + ".json.lock");
        await using var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<CrabboxException>(
            () => store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId }, Token));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"lease {LeaseId} claim is locked by another crabbox process; retry", error.Message);
        Assert.False(File.Exists(ClaimFile(LeaseId)));
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_LockReleasedWhileWaiting_Proceeds()
    {
        Directory.CreateDirectory(_directory.Paths.ClaimLocksDirectory);
        var lockFile = Path.Combine(_directory.Paths.ClaimLocksDirectory, LeaseId + ".json.lock");
        var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var update = _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId, Slug = "waited" }, Token);
        await Task.Delay(200, Token);
        Assert.False(update.IsCompleted);
        await held.DisposeAsync();
        var stored = await update.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal("waited", stored!.Slug);
    }

    [Fact(Timeout = 30_000)]
    public async Task RemoveAsync_ExistingClaim_DeletesAndReturnsTrue()
    {
        await _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId }, Token);

        var removed = await _store.RemoveAsync(LeaseId, Token);
        var again = await _store.RemoveAsync(LeaseId, Token);

        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await _store.ReadAsync(LeaseId, Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task Reads_EmptyState_CreateNoFilesOrDirectories()
    {
        var state = _directory.Paths.StateDirectory;

        var read = await _store.ReadAsync(LeaseId, Token);
        var found = await _store.FindAsync("blue-prawn", Token);
        var all = await _store.ListAsync(Token);
        var removed = await _store.RemoveAsync(LeaseId, Token);

        Assert.Null(read);
        Assert.Null(found);
        Assert.Empty(all);
        Assert.False(removed);
        Assert.False(Directory.Exists(state));
    }

    [Fact(Timeout = 30_000)]
    public async Task Reads_ExistingClaims_CreateNoLocks()
    {
        await WriteRawAsync(LeaseId, $$"""{"leaseID":"{{LeaseId}}","slug":"web","repoRoot":"/r"}""");

        await _store.ReadAsync(LeaseId, Token);
        await _store.FindAsync("web", Token);
        await _store.ListAsync(Token);

        Assert.False(Directory.Exists(_directory.Paths.ClaimLocksDirectory));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("a\\b")]
    [InlineData("CON")]
    [InlineData(" padded")]
    [InlineData("dot.")]
    [InlineData("nul\0byte")]
    public async Task Operations_InvalidLeaseId_ThrowUsage(string leaseId)
    {
        var expected = $"invalid lease id \"{leaseId}\"";

        var read = await Assert.ThrowsAsync<CrabboxException>(() => _store.ReadAsync(leaseId, Token));
        var update = await Assert.ThrowsAsync<CrabboxException>(() => _store.UpdateAsync(leaseId, _ => null, Token));
        var remove = await Assert.ThrowsAsync<CrabboxException>(() => _store.RemoveAsync(leaseId, Token));

        Assert.All([read, update, remove], error => Assert.Equal((ExitCodes.Usage, expected), (error.ExitCode, error.Message)));
        Assert.False(Directory.Exists(_directory.Paths.StateDirectory));
    }

    [Fact(Timeout = 30_000)]
    public async Task ReadAsync_CorruptJson_ThrowsUsageNamingTheFile()
    {
        await WriteRawAsync(LeaseId, "{not json");

        var error = await Assert.ThrowsAsync<CrabboxException>(() => _store.ReadAsync(LeaseId, Token));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith($"parse claim {ClaimFile(LeaseId)}: ", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateAsync_CorruptJson_RefusesToOverwrite()
    {
        await WriteRawAsync(LeaseId, "{not json");

        await Assert.ThrowsAsync<CrabboxException>(() => _store.UpdateAsync(LeaseId, _ => new LeaseClaim { LeaseId = LeaseId }, Token));

        Assert.Equal("{not json", await File.ReadAllTextAsync(ClaimFile(LeaseId), Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ByLeaseIdOrNormalizedSlug_ReturnsClaim()
    {
        await WriteRawAsync("cbx_000000000001", """{"leaseID":"cbx_000000000001","slug":"tidal-lobster","repoRoot":"/a"}""");
        await WriteRawAsync("isb_crabbox-repo-abcdef", """{"leaseID":"isb_crabbox-repo-abcdef","slug":"web-app","repoRoot":"/b"}""");

        var byId = await _store.FindAsync("isb_crabbox-repo-abcdef", Token);
        var bySlug = await _store.FindAsync("Web App", Token);
        var byExactSlug = await _store.FindAsync("tidal-lobster", Token);
        var missing = await _store.FindAsync("blue-prawn", Token);

        Assert.Equal("/b", byId?.RepoRoot);
        Assert.Equal("/b", bySlug?.RepoRoot);
        Assert.Equal("/a", byExactSlug?.RepoRoot);
        Assert.Null(missing);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ExactFileName_WinsOverEarlierSlugMatch()
    {
        await WriteRawAsync("aaa", """{"leaseID":"aaa","slug":"zzz","repoRoot":"/slug-owner"}""");
        await WriteRawAsync("zzz", """{"leaseID":"zzz","slug":"other","repoRoot":"/file-owner"}""");

        var found = await _store.FindAsync("zzz", Token);

        Assert.Equal("/file-owner", found?.RepoRoot);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAndList_MismatchedOversizedOrCorruptFiles_AreSkipped()
    {
        await WriteRawAsync("cbx_000000000001", """{"leaseID":"cbx_000000000002","slug":"mismatch","repoRoot":"/x"}""");
        await WriteRawAsync("cbx_000000000003", """{"leaseID":"cbx_000000000003","slug":"huge","repoRoot":"/x","pad":""" + "\"" + new string('x', 1024 * 1024) + "\"}");
        await WriteRawAsync("cbx_000000000004", "{broken");
        await WriteRawAsync("cbx_000000000005", """{"leaseID":"cbx_000000000005","slug":"good","repoRoot":"/ok"}""");
        await File.WriteAllTextAsync(Path.Combine(_directory.Paths.ClaimsDirectory, ".hidden.json"), """{"leaseID":".hidden","slug":"hidden"}""", Token);

        var all = await _store.ListAsync(Token);
        var mismatch = await _store.FindAsync("mismatch", Token);
        var mismatchById = await _store.FindAsync("cbx_000000000001", Token);
        var huge = await _store.FindAsync("huge", Token);
        var good = await _store.FindAsync("good", Token);

        Assert.Equal(["cbx_000000000005"], all.Select(claim => claim.LeaseId));
        Assert.Null(mismatch);
        Assert.Null(mismatchById);
        Assert.Null(huge);
        Assert.Equal("/ok", good?.RepoRoot);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListAsync_SeveralClaims_SortedByLeaseId()
    {
        foreach (var id in new[] { "isb_b", "cbx_000000000009", "isb_a" })
        {
            await _store.UpdateAsync(id, _ => new LeaseClaim { LeaseId = id }, Token);
        }

        var all = await _store.ListAsync(Token);

        Assert.Equal(["cbx_000000000009", "isb_a", "isb_b"], all.Select(claim => claim.LeaseId));
    }

    private async Task WriteRawAsync(string leaseId, string json)
    {
        Directory.CreateDirectory(_directory.Paths.ClaimsDirectory);
        await File.WriteAllTextAsync(ClaimFile(leaseId), json, Token);
    }
}
