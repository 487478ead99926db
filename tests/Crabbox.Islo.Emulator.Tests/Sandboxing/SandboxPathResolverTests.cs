using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Sandboxing;

public sealed class SandboxPathResolverTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly SandboxPaths _paths;
    private readonly SandboxPathResolver _resolver;

    public SandboxPathResolverTests()
    {
        _paths = new SandboxPaths(_root.Path);
        _paths.CreateFolders();
        _resolver = new SandboxPathResolver(_paths);
    }

    [Theory]
    [InlineData("/workspace", "workspace")]
    [InlineData("/workspace/a/./b/../c", "workspace/a/c")]
    [InlineData("/tmp/x", "tmp/x")]
    [InlineData("/home/islo/.bashrc", "home/.bashrc")]
    [InlineData("//workspace//a", "workspace/a")]
    public void Resolve_PathsUnderRoots_MapToSandboxFolders(string sandboxPath, string relative)
    {
        var host = _resolver.Resolve(sandboxPath, followFinalLink: true);

        Assert.Equal(Path.Combine(_root.Path, relative), host);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/workspace/../etc")]
    [InlineData("/home")]
    [InlineData("/home/other")]
    [InlineData("/")]
    [InlineData("workspace/a")]
    public void Resolve_PathsOutsideRoots_Throw400(string sandboxPath)
    {
        var exception = Assert.Throws<ApiException>(() => _resolver.Resolve(sandboxPath, followFinalLink: true));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public void Resolve_LinksUseSandboxMeaning()
    {
        Directory.CreateDirectory(Path.Combine(_paths.Tmp, "real"));
        File.CreateSymbolicLink(Path.Combine(_paths.Workspace, "to-tmp"), "/tmp/real");
        File.CreateSymbolicLink(Path.Combine(_paths.Workspace, "up"), "../home/islo");
        File.CreateSymbolicLink(Path.Combine(_paths.Workspace, "loop"), "loop");

        Assert.Equal(Path.Combine(_paths.Tmp, "real", "f"), _resolver.Resolve("/workspace/to-tmp/f", followFinalLink: true));
        Assert.Equal(Path.Combine(_paths.Home, "x"), _resolver.Resolve("/workspace/up/x", followFinalLink: true));
        Assert.Equal(Path.Combine(_paths.Workspace, "to-tmp"), _resolver.Resolve("/workspace/to-tmp", followFinalLink: false));
        Assert.Throws<ApiException>(() => _resolver.Resolve("/workspace/loop", followFinalLink: true));
    }

    [Fact]
    public void Resolve_LinkOutsideWithMapper_HandsRemainingPathToMapper()
    {
        File.CreateSymbolicLink(Path.Combine(_paths.Workspace, "py"), "/usr/bin");

        var mapped = _resolver.Resolve("/workspace/py/python3", followFinalLink: true, static outside => "mapped:" + outside);

        Assert.Equal("mapped:/usr/bin/python3", mapped);
    }

    public void Dispose() => _root.Dispose();
}
