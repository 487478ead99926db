using Crabbox.Islo.Emulator.State;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.State;

public sealed class TrashCollectorTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly TempDirectory _outside = new();

    [Fact]
    public async Task Collect_TreeWithReadOnlyFolderAndOutwardLink_RemovedAndLinkTargetKept()
    {
        var layout = Layout();
        var victim = Path.Combine(layout.TrashDirectory, "sandbox-1");
        var locked = Path.Combine(victim, "workspace", "locked");
        Directory.CreateDirectory(locked);
        await File.WriteAllTextAsync(Path.Combine(locked, "file.txt"), "x", TestTimeouts.Token());
        var keep = Path.Combine(_outside.Path, "keep.txt");
        await File.WriteAllTextAsync(keep, "keep", TestTimeouts.Token());
        File.CreateSymbolicLink(Path.Combine(victim, "workspace", "host"), _outside.Path);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        new TrashCollector(layout).Collect([victim]);
        await ProcessProbe.WaitUntilAsync(() => !Directory.Exists(victim));

        Assert.False(Directory.Exists(victim));
        Assert.Equal("keep", await File.ReadAllTextAsync(keep, TestTimeouts.Token()));
    }

    [Fact]
    public async Task CollectLeftovers_EntriesAnEarlierEmulatorLeft_Removed()
    {
        var layout = Layout();
        Directory.CreateDirectory(Path.Combine(layout.TrashDirectory, "a", "deep"));
        await File.WriteAllTextAsync(Path.Combine(layout.TrashDirectory, "b"), "b", TestTimeouts.Token());

        new TrashCollector(layout).CollectLeftovers();
        await ProcessProbe.WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(layout.TrashDirectory).Any());

        Assert.Empty(Directory.EnumerateFileSystemEntries(layout.TrashDirectory));
        Assert.True(Directory.Exists(layout.TrashDirectory));
    }

    [Fact]
    public void Collect_PathOutsideTheTrash_Refused()
    {
        var layout = Layout();

        var error = Assert.Throws<ArgumentException>(() => new TrashCollector(layout).Collect([_outside.Path]));

        Assert.Contains("not an entry of the trash folder", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_outside.Path));
    }

    public void Dispose()
    {
        _state.Dispose();
        _outside.Dispose();
    }

    private StateLayout Layout()
    {
        var layout = new StateLayout(_state.Path);
        layout.EnsureCreated();
        return layout;
    }
}
