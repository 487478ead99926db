using Crabbox.Islo.Emulator.State;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.State;

public sealed class StateLayoutTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Loose = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private readonly TempDirectory _parent = new();

    [Fact]
    public void EnsureCreated_NewState_FoldersOwnerOnly()
    {
        var layout = new StateLayout(Path.Combine(_parent.Path, "state"));

        layout.EnsureCreated();

        Assert.All(
            [layout.Root, layout.SandboxesDirectory, layout.SnapshotsDirectory, layout.TrashDirectory],
            folder => Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder)));
    }

    [Fact]
    public void EnsureCreated_ExistingReadableFolders_TightenedToOwnerOnly()
    {
        var layout = new StateLayout(Path.Combine(_parent.Path, "state"));
        Directory.CreateDirectory(layout.SandboxesDirectory, Loose);
        File.SetUnixFileMode(layout.SandboxesDirectory, Loose);

        layout.EnsureCreated();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(layout.SandboxesDirectory));
    }

    public void Dispose() => _parent.Dispose();
}
