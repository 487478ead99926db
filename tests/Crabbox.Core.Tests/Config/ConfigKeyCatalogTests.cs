using Crabbox.Core.Config;

namespace Crabbox.Core.Tests.Config;

public sealed class ConfigKeyCatalogTests
{
    [Fact]
    public void Find_AnyCase_ReturnsDeclaredKey()
    {
        var catalog = new ConfigKeyCatalog(CoreConfigKeys.All);

        Assert.Equal(CoreConfigKeys.SyncWarnFiles, catalog.Find("SYNC.WARNFILES")?.Path);
        Assert.Null(catalog.Find("sync"));
    }

    [Fact]
    public void FindSection_PrefixOfDeclaredKey_ReturnsDeclaredSpelling()
    {
        var catalog = new ConfigKeyCatalog([new ConfigKey("islo.api.baseUrl", ConfigValueKind.Url, "test")]);

        Assert.Equal("islo", catalog.FindSection("ISLO"));
        Assert.Equal("islo.api", catalog.FindSection("islo.API"));
        Assert.Null(catalog.FindSection("islo.api.baseUrl"));
        Assert.Null(catalog.FindSection("hetzner"));
    }

    [Fact]
    public void Constructor_SameKeyTwiceInDifferentCase_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConfigKeyCatalog(
            [new ConfigKey("demo.x", ConfigValueKind.Text, "a"), new ConfigKey("Demo.X", ConfigValueKind.Text, "b")]));
    }

    [Fact]
    public void Constructor_KeyThatIsAlsoASection_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConfigKeyCatalog(
            [new ConfigKey("demo", ConfigValueKind.Text, "a"), new ConfigKey("demo.x", ConfigValueKind.Text, "b")]));
    }
}
