using System.Runtime.Versioning;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

public sealed class SyncRecordStoreTests : IDisposable
{
    private const string LeaseId = "cbx_0123456789ab";
    private const string Workspace = "/workspace/repo";

    private readonly TempDirectory _state = new("crabbox-sync-state");
    private readonly SyncRecordStore _store;

    public SyncRecordStoreTests()
    {
        _store = new SyncRecordStore(new CrabboxPaths(new EnvironmentVariables(new Dictionary<string, string>
        {
            ["HOME"] = _state.Path,
            ["XDG_STATE_HOME"] = _state.Path,
        })));
    }

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsEveryField()
    {
        var record = SampleRecord(Workspace);

        await _store.SaveAsync(LeaseId, record, Token).WithTimeout();
        var loaded = await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.NotNull(loaded);
        Assert.Equal(record.Workspace, loaded.Workspace);
        Assert.Equal(["node_modules", "target"], loaded.PruneNames);
        Assert.Equal(record.Entries, loaded.Entries);
    }

    [Fact]
    public async Task SaveAsync_LargeRecord_RoundTripsAndStaysCompact()
    {
        var entries = Enumerable.Range(0, 20_000)
            .Select(i => new SyncRecordEntry(
                $"src/module{i / 100:D3}/file{i:D5}.cs", ManifestEntryKind.File, ManifestEntry.RegularMode, 1000 + i,
                DeltaTestData.Hash(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null,
                new RemoteObservation(1000 + i, 1_700_000_000_000_000_000L + i, 0b110_100_100)))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ToList();
        var record = new SyncRecord { Workspace = Workspace, Entries = entries };

        await _store.SaveAsync(LeaseId, record, Token).WithTimeout();
        var loaded = await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.NotNull(loaded);
        Assert.Equal(entries, loaded.Entries);
        Assert.True(new FileInfo(_store.RecordPath(LeaseId, Workspace)).Length < 20_000 * 64, "expected about 50 bytes per entry");
    }

    [Fact]
    public async Task LoadAsync_NoRecord_ReturnsNull()
    {
        var loaded = await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.Null(loaded);
    }

    [Fact]
    public async Task LoadAsync_OtherWorkspace_ReturnsNull()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        File.Copy(_store.RecordPath(LeaseId, Workspace), _store.RecordPath(LeaseId, "/workspace/other"));

        var other = await _store.LoadAsync(LeaseId, "/workspace/other", Token).WithTimeout();
        var same = await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.Null(other);
        Assert.NotNull(same);
    }

    [Fact]
    public async Task LoadAsync_AnyByteFlippedOrTruncated_ReturnsNull()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        var path = _store.RecordPath(LeaseId, Workspace);
        var original = await File.ReadAllBytesAsync(path, Token);
        var loaded = new List<SyncRecord?>();

        for (var i = 0; i < original.Length; i += 7)
        {
            var corrupt = original.ToArray();
            corrupt[i] ^= 0x20;
            await File.WriteAllBytesAsync(path, corrupt, Token);
            loaded.Add(await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout());
        }

        foreach (var length in new[] { 0, 5, original.Length / 2, original.Length - 1 })
        {
            await File.WriteAllBytesAsync(path, original[..length], Token);
            loaded.Add(await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout());
        }

        Assert.All(loaded, Assert.Null);
    }

    [Fact]
    public async Task OpenAsync_SavedRecord_PruneNamesFromHeaderAndReadReturnsRecord()
    {
        var record = SampleRecord(Workspace);
        await _store.SaveAsync(LeaseId, record, Token).WithTimeout();

        var file = await _store.OpenAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.NotNull(file);
        Assert.Equal(["node_modules", "target"], file.PruneNames);
        Assert.Equal(record.Entries, file.Read()?.Entries);
    }

    [Fact]
    public async Task OpenAsync_TruncatedEntries_ReturnsNullBeforeAnyEntryIsRead()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        var path = _store.RecordPath(LeaseId, Workspace);
        var original = await File.ReadAllBytesAsync(path, Token);
        await File.WriteAllBytesAsync(path, original[..^1], Token);

        var file = await _store.OpenAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.Null(file);
    }

    [Fact]
    public async Task OpenAsync_OtherWorkspaceOrNoRecord_ReturnsNull()
    {
        await _store.SaveAsync(LeaseId, SampleRecord("/workspace/other"), Token).WithTimeout();

        Assert.Null(await _store.OpenAsync(LeaseId, Workspace, Token).WithTimeout());
        Assert.Null(await _store.OpenAsync("cbx_ffffffffffff", Workspace, Token).WithTimeout());
    }

    [Fact]
    public async Task LoadAsync_OtherFormatVersion_ReturnsNull()
    {
        var writer = new CompactWriter("CBXSYNC1"u8, SyncRecord.FormatVersion + 1, 64);
        writer.WriteString(Workspace);
        writer.WriteUInt(0);
        var path = _store.RecordPath(LeaseId, Workspace);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, writer.Complete().ToArray(), Token);

        var loaded = await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout();

        Assert.Null(loaded);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_NewState_FileIsOwnerOnlyInOwnerOnlyDirectory()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        var path = _store.RecordPath(LeaseId, Workspace);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Delete_Lease_ForgetsEveryWorkspaceOfThatLeaseOnly()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        await _store.SaveAsync(LeaseId, SampleRecord("/workspace/other"), Token).WithTimeout();
        await _store.SaveAsync("cbx_ffffffffffff", SampleRecord(Workspace), Token).WithTimeout();

        var deleted = _store.Delete(LeaseId);
        var deletedAgain = _store.Delete(LeaseId);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout());
        Assert.Null(await _store.LoadAsync(LeaseId, "/workspace/other", Token).WithTimeout());
        Assert.NotNull(await _store.LoadAsync("cbx_ffffffffffff", Workspace, Token).WithTimeout());
    }

    [Fact]
    public async Task Delete_Workspace_ForgetsOnlyThatWorkspace()
    {
        await _store.SaveAsync(LeaseId, SampleRecord(Workspace), Token).WithTimeout();
        await _store.SaveAsync(LeaseId, SampleRecord("/workspace/other"), Token).WithTimeout();

        var deleted = _store.Delete(LeaseId, Workspace);

        Assert.True(deleted);
        Assert.Null(await _store.LoadAsync(LeaseId, Workspace, Token).WithTimeout());
        Assert.NotNull(await _store.LoadAsync(LeaseId, "/workspace/other", Token).WithTimeout());
    }

    [Fact]
    public async Task SaveAsync_UnsortedEntries_Throws()
    {
        var record = SampleRecord(Workspace) with { Entries = [.. SampleRecord(Workspace).Entries.Reverse()] };

        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(LeaseId, record, Token));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void RecordPath_InvalidLeaseId_Throws(string leaseId)
    {
        Assert.Throws<ArgumentException>(() => _store.RecordPath(leaseId, Workspace));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static SyncRecord SampleRecord(string workspace) => new()
    {
        Workspace = workspace,
        PruneNames = ["node_modules", "target"],
        Entries =
        [
            new("-leading dash", ManifestEntryKind.File, ManifestEntry.ExecutableMode, 0, DeltaTestData.Hash("empty"), null, new RemoteObservation(0, -1_500_000_000, 0b111_000_000)),
            new("a/b/c.txt", ManifestEntryKind.File, ManifestEntry.RegularMode, 12, DeltaTestData.Hash("c"), null, new RemoteObservation(12, 1_700_000_000_123_456_789, 0b110_100_100)),
            new("a/link", ManifestEntryKind.Symlink, ManifestEntry.SymlinkMode, 7, null, "../x y'z", new RemoteObservation(7, 5, 0b111_111_111)),
            new("a/nohash", ManifestEntryKind.File, ManifestEntry.RegularMode, 3, null, null, null),
            new("new\nline \"q\" ü.txt", ManifestEntryKind.File, ManifestEntry.RegularMode, 1, DeltaTestData.Hash("n"), null, null),
        ],
    };
}
