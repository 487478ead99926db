namespace Crabbox.Core.Tests.Leases;

/// <summary>A unique temporary directory with a <see cref="CrabboxPaths"/> rooted in it; deleted on dispose.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "crabbox-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Paths = PathsFor(Root);
    }

    public string Root { get; }

    public CrabboxPaths Paths { get; }

    /// <summary>Paths with state under <c>&lt;root&gt;/state/crabbox</c> and config under <c>&lt;root&gt;/config/crabbox</c>.</summary>
    public static CrabboxPaths PathsFor(string root) => new(new EnvironmentVariables(new Dictionary<string, string>
    {
        ["HOME"] = root,
        ["XDG_STATE_HOME"] = Path.Combine(root, "state"),
        ["XDG_CONFIG_HOME"] = Path.Combine(root, "config"),
    }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
