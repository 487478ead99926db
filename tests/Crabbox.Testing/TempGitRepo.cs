using System.Text;
using Crabbox.Core;

namespace Crabbox.Testing;

/// <summary>
/// A throwaway Git repository driven through the real <c>git</c> CLI. Git runs with its own empty
/// HOME and no system config so the machine's settings cannot change what a test sees.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    private readonly TempDirectory _directory = new("crabbox-repo");

    private TempGitRepo(string folderName)
    {
        Home = _directory.Combine("home");
        Root = _directory.Combine(folderName);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Root);
        GitEnvironment = new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "crabbox test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_NAME"] = "crabbox test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
            ["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z",
            ["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z",
        };
    }

    /// <summary>The working tree root.</summary>
    public string Root { get; }

    /// <summary>An empty HOME for git (no global config).</summary>
    public string Home { get; }

    public IReadOnlyDictionary<string, string> GitEnvironment { get; }

    /// <summary>The environment crabbox's own git calls get in tests: PATH plus the isolated HOME.</summary>
    public EnvironmentVariables Environment => new(new Dictionary<string, string>
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = Home,
        ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
    });

    /// <summary>Creates <c>git init -b main</c> in a folder named <paramref name="folderName"/>.</summary>
    public static async Task<TempGitRepo> CreateAsync(string folderName = "work")
    {
        var repo = new TempGitRepo(folderName);
        await repo.GitAsync("init", "-q", "-b", "main");
        return repo;
    }

    /// <summary>Wraps an existing folder (for example one made by a script) without running git init.</summary>
    public static TempGitRepo Adopt(string folderName = "work") => new(folderName);

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    public Task<string> GitAsync(params string[] arguments) => TestProcess.RunCheckedAsync("git", arguments, Root, GitEnvironment);

    public void Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public void Symlink(string relativePath, string target)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    public void MakeExecutable(string relativePath)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("exec bits need a Unix file system");
        }

        File.SetUnixFileMode(FullPath(relativePath), File.GetUnixFileMode(FullPath(relativePath)) | UnixFileMode.UserExecute);
    }

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    public async Task CommitAllAsync(string message = "commit")
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", message);
    }

    public void Dispose() => _directory.Dispose();
}
