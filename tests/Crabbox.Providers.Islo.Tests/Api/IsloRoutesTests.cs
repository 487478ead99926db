using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloRoutesTests
{
    [Theory]
    [InlineData("crabbox-repo-abc", "/sandboxes/crabbox-repo-abc")]
    [InlineData("a b", "/sandboxes/a%20b")]
    [InlineData("a/b", "/sandboxes/a%2Fb")]
    [InlineData("a?b#c", "/sandboxes/a%3Fb%23c")]
    [InlineData("100%", "/sandboxes/100%25")]
    public void Sandbox_Name_EscapedAsOneSegment(string name, string expected)
    {
        var route = IsloRoutes.Sandbox(name);

        Assert.Equal(expected, route);
    }

    /// <summary>The Go reference leaves exec/stream unescaped; this port escapes it like every other route.</summary>
    [Fact]
    public void ExecStream_NameWithSlash_EscapedLikeOtherRoutes()
    {
        var route = IsloRoutes.ExecStream("a/../b");

        Assert.Equal("/sandboxes/a%2F..%2Fb/exec/stream", route);
    }

    [Fact]
    public void FilesArchive_AbsoluteDirectory_UrlEncodedInPathQuery()
    {
        var route = IsloRoutes.FilesArchive("sb", "/workspace/crabbox");

        Assert.Equal("/sandboxes/sb/files-archive?path=%2Fworkspace%2Fcrabbox", route);
    }

    [Fact]
    public void SandboxList_Offset_LimitThenOffset()
    {
        var route = IsloRoutes.SandboxList(200);

        Assert.Equal("/sandboxes?limit=100&offset=200", route);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Sandbox_DotOrEmptyName_Rejected(string name)
    {
        var call = () => IsloRoutes.Sandbox(name);

        Assert.Throws<ArgumentException>(call);
    }

    [Theory]
    [InlineData("https://api.islo.dev", "https://api.islo.dev/sandboxes")]
    [InlineData("https://api.islo.dev/", "https://api.islo.dev/sandboxes")]
    [InlineData("https://gw.example/islo/v1/", "https://gw.example/islo/v1/sandboxes")]
    [InlineData("http://127.0.0.1:8080/prefix", "http://127.0.0.1:8080/prefix/sandboxes")]
    public void Combine_BaseWithOrWithoutPrefix_KeepsPrefix(string baseUrl, string expected)
    {
        var uri = IsloRoutes.Combine(new Uri(baseUrl), IsloRoutes.Sandboxes);

        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void Combine_EscapedName_StaysEscapedOnTheUri()
    {
        var uri = IsloRoutes.Combine(new Uri("https://api.islo.dev"), IsloRoutes.Sandbox("a/b"));

        Assert.Equal("/sandboxes/a%2Fb", uri.AbsolutePath);
    }
}
