using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.State;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.State;

/// <summary>Two hosts (here: two stores) sharing one state directory.</summary>
public sealed class SandboxStoreTests : IDisposable
{
    private readonly TempDirectory _state = new();

    [Fact]
    public async Task CreateAsync_SameNameConcurrentlyFromTwoHosts_ExactlyOneWins()
    {
        var stores = new[] { Store(), Store() };

        var attempts = Enumerable.Range(0, 12).Select(index => Task.Run(async () =>
        {
            try
            {
                await stores[index % 2].CreateAsync(Record("race"), static (_, _) => { }, TestTimeouts.Token());
                return true;
            }
            catch (ApiException exception) when (exception.Code == "SANDBOX_ALREADY_EXISTS")
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, static won => won);
        Assert.NotNull(await stores[0].GetAsync("race", TestTimeouts.Token()));
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(_state.Path, "sandboxes")));
    }

    [Fact]
    public async Task LockAsync_ConcurrentUpdatesFromTwoHosts_LoseNothing()
    {
        var stores = new[] { Store(), Store() };
        await stores[0].CreateAsync(Record("shared"), static (_, _) => { }, TestTimeouts.Token());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(index => Task.Run(async () =>
        {
            var store = stores[index % 2];
            using var sandboxLock = await store.LockAsync("shared", TestTimeouts.Token());
            var record = await store.GetRequiredAsync("shared", TestTimeouts.Token());
            var share = new ShareRecord { ShareId = $"sh_{index}", Port = 1000 + index, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) };
            await store.SaveAsync(record with { Shares = [.. record.Shares, share] }, TestTimeouts.Token());
        })));
        var final = await stores[1].GetRequiredAsync("shared", TestTimeouts.Token());

        Assert.Equal(20, final.Shares.Count);
        Assert.Equal(20, final.Shares.Select(static share => share.ShareId).Distinct().Count());
    }

    [Fact]
    public async Task DeleteAsync_FreesNameAtOnce()
    {
        var store = Store();
        await store.CreateAsync(Record("gone"), static (_, _) => { }, TestTimeouts.Token());

        var deleted = await store.DeleteAsync("gone", TestTimeouts.Token());
        var deletedAgain = await store.DeleteAsync("gone", TestTimeouts.Token());
        await store.CreateAsync(Record("gone"), static (_, _) => { }, TestTimeouts.Token());

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.NotNull(await store.GetAsync("gone", TestTimeouts.Token()));
    }

    /// <summary>Other users must not read a sandbox's repository copy or its environment (sandbox.json).</summary>
    [Fact]
    public async Task CreateAsync_FolderAndMetadata_OwnerOnly()
    {
        var store = Store();

        await store.CreateAsync(Record("private"), static (_, _) => { }, TestTimeouts.Token());
        using (await store.LockAsync("private", TestTimeouts.Token()))
        {
            await store.SaveAsync(Record("private") with { Status = SandboxStatus.Paused }, TestTimeouts.Token());
        }

        var paths = store.Paths("private");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(paths.Directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paths.Metadata));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".new-x")]
    [InlineData("UPPER")]
    public async Task GetAsync_InvalidName_IsNotFoundWithoutTouchingDisk(string name)
    {
        var store = Store();

        var record = await store.GetAsync(name, TestTimeouts.Token());

        Assert.Null(record);
    }

    public void Dispose() => _state.Dispose();

    private SandboxStore Store()
    {
        var layout = new StateLayout(_state.Path);
        layout.EnsureCreated();
        return new SandboxStore(layout, new TrashCollector(layout));
    }

    private static SandboxRecord Record(string name) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Name = name,
        Image = "image",
        Status = SandboxStatus.Running,
        CreatedAt = DateTimeOffset.UtcNow,
        ReadyAt = DateTimeOffset.UtcNow,
        Vcpus = 2,
        MemoryMb = 4096,
        DiskGb = 20,
    };
}
