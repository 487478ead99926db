using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

/// <summary>
/// One real repository exercising every manifest rule at once (built once per test class):
/// tracked, modified, deleted and staged files, untracked and ignored files from every Git ignore
/// source, crabbox excludes from all three rule sources, links, exec bits, odd names and a submodule.
/// </summary>
public sealed class ScenarioRepoFixture : IAsyncLifetime
{
    public static readonly string[] OddNames =
    [
        "odd/with space.txt", "odd/ünïcødé ✓.txt", "odd/quote\"s'.txt", "odd/-leading-dash.txt", "odd/new\nline.txt",
    ];

    public static readonly SyncSettings Settings = new() { Excludes = ["*.tmp", "cache-dir/"] };

    private TempGitRepo? _repo;
    private SyncManifest? _manifest;

    public TempGitRepo Repo => _repo ?? throw new InvalidOperationException("fixture not initialized");

    public SyncManifest Manifest => _manifest ?? throw new InvalidOperationException("fixture not initialized");

    public string OutsideTarget { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var repo = _repo = await TempGitRepo.CreateAsync();
        OutsideTarget = Path.Combine(Path.GetDirectoryName(repo.Root)!, "outside.txt");
        File.WriteAllText(OutsideTarget, "outside the repository");

        repo.Write("README.md", "# scenario\n");
        repo.Write("src/app.cs", "class App {}\n");
        repo.Write("src/modify-me.txt", "before\n");
        repo.Write("src/delete-me.txt", "to be deleted\n");
        repo.Write("src/staged-delete.txt", "to be git rm'd\n");
        repo.Write("src/untrack-me.txt", "to be git rm --cached\n");
        repo.Write("scripts/run.sh", "#!/bin/sh\necho hi\n");
        repo.MakeExecutable("scripts/run.sh");
        repo.Write("dist/app.js", "tracked build output\n");
        repo.Write(".gitignore", "ignored-root.txt\n");
        repo.Write("sub/.gitignore", "local.txt\n");
        repo.Symlink("link-inside", "src/app.cs");
        repo.Symlink("link-outside", "../outside.txt");
        repo.Symlink("link-absolute", OutsideTarget);
        foreach (var name in OddNames)
        {
            repo.Write(name, "odd " + name);
        }

        await repo.CommitAllAsync("initial");

        // A real nested repository added as a gitlink (what a submodule is in the index).
        repo.Write("vendor/sub/inner.txt", "submodule content\n");
        await TestProcess.RunCheckedAsync("git", ["init", "-q", "-b", "main"], repo.FullPath("vendor/sub"), repo.GitEnvironment);
        await TestProcess.RunCheckedAsync("git", ["add", "-A"], repo.FullPath("vendor/sub"), repo.GitEnvironment);
        await TestProcess.RunCheckedAsync("git", ["commit", "-q", "-m", "sub"], repo.FullPath("vendor/sub"), repo.GitEnvironment);
        await repo.GitAsync("add", "vendor/sub");
        await repo.GitAsync("commit", "-q", "-m", "gitlink");

        repo.Write("src/modify-me.txt", "after, and longer\n");
        repo.Delete("src/delete-me.txt");
        await repo.GitAsync("rm", "-q", "src/staged-delete.txt");
        await repo.GitAsync("rm", "-q", "--cached", "src/untrack-me.txt");
        repo.Write("staged-new.txt", "staged addition\n");
        await repo.GitAsync("add", "staged-new.txt");

        repo.Write("sub/kept.txt", "untracked, kept\n");
        repo.Write("sub/local.txt", "nested .gitignore\n");
        repo.Write("ignored-root.txt", "root .gitignore\n");
        repo.Write("info-excluded.txt", ".git/info/exclude\n");
        File.AppendAllText(repo.FullPath(".git/info/exclude"), "info-excluded.txt\n");
        var globalIgnore = Path.Combine(repo.Home, "global-ignore");
        File.WriteAllText(globalIgnore, "globally-ignored.txt\n");
        await repo.GitAsync("config", "core.excludesFile", globalIgnore);
        repo.Write("globally-ignored.txt", "core.excludesFile\n");

        repo.Write("tools/new-tool", "#!/bin/sh\n");
        repo.MakeExecutable("tools/new-tool");
        repo.Write("node_modules/pkg/index.js", "module.exports = 1;\n");
        repo.Write("dist/untracked.js", "untracked build output\n");
        repo.Write("a.tmp", "config exclude\n");
        repo.Write("cache-dir/blob", "config directory exclude\n");
        repo.Write("out/a.bin", "crabboxignore directory rule\n");
        repo.Write("out/keep.txt", "re-included\n");
        repo.Write("notes.secret", "crabboxignore glob\n");
        repo.Write(".crabbox/logs/run.log", "protected runtime folder\n");
        repo.Write(".crabboxignore", "# generated output\n\nout/\n!out/keep.txt\n*.secret\n!.crabbox/logs/run.log\n");

        _manifest = await new GitSyncManifestBuilder(repo.Environment)
            .BuildAsync(new GitRepositoryLocator().Discover(repo.Root)!, Settings, CancellationToken.None)
            .WithTimeout();
    }

    public ValueTask DisposeAsync()
    {
        _repo?.Dispose();
        return ValueTask.CompletedTask;
    }
}
