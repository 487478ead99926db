using System.Text;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>
/// One private crabbox user: HOME, XDG config and state folders, TMPDIR and a scratch folder, all
/// under one temp directory. Each test gets its own, so claims, local sandboxes and
/// <c>list</c> output belong to that test alone and nothing from the machine's real folders is read.
/// </summary>
internal sealed class CrabboxHome : IDisposable
{
    private readonly TempDirectory _root = new("crabbox-e2e");

    public CrabboxHome()
    {
        foreach (var directory in new[] { Home, ConfigHome, StateHome, Temp, Scratch })
        {
            Directory.CreateDirectory(directory);
        }
    }

    public string Home => _root.Combine("home");

    public string ConfigHome => _root.Combine("config");

    public string StateHome => _root.Combine("state");

    public string Temp => _root.Combine("tmp");

    /// <summary>A folder for the test's own files (downloads, captured output, a non-repo cwd).</summary>
    public string Scratch => _root.Combine("scratch");

    /// <summary>Where the <c>local</c> provider's in-process emulator keeps its sandboxes.</summary>
    public string LocalSandboxesDirectory => Path.Combine(StateHome, "crabbox", "local", "sandboxes");

    /// <summary>The crabbox claim files (<c>$XDG_STATE_HOME/crabbox/claims</c>).</summary>
    public string ClaimsDirectory => Path.Combine(StateHome, "crabbox", "claims");

    /// <summary>Folder names of the local provider's sandboxes on disk (empty when none or never started).</summary>
    public IReadOnlyList<string> LocalSandboxNames() =>
        Directory.Exists(LocalSandboxesDirectory)
            ? [.. Directory.EnumerateDirectories(LocalSandboxesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every file under HOME, XDG config/state and TMPDIR whose bytes contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> FilesContaining(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return
        [
            .. new[] { Home, ConfigHome, StateHome, Temp }
                .SelectMany(directory => Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
                .Where(file => new FileInfo(file).LinkTarget is null && File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0),
        ];
    }

    public void Dispose() => _root.Dispose();
}
