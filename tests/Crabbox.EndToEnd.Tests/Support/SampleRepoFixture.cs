namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>
/// A small committed Git checkout shared by one test class (runs only read it): a UTF-8 text
/// file, an executable script, an untracked-but-not-ignored file and an ignored one.
/// </summary>
public sealed class SampleRepoFixture : IAsyncLifetime
{
    public const string HelloPath = "hello.txt";
    public const string HelloContent = "grüße aus der sandbox ✓\n";
    public const string ScriptPath = "scripts/run.sh";
    public const string ScriptOutput = "script-ran";
    public const string UntrackedPath = "notes/untracked.txt";
    public const string IgnoredPath = "debug.log";

    private TempGitRepo? _repo;

    public string Root => (_repo ?? throw new InvalidOperationException("fixture not initialized")).Root;

    public async ValueTask InitializeAsync()
    {
        _repo = await TempGitRepo.CreateAsync("sample");
        _repo.Write(".gitignore", "*.log\n");
        _repo.Write(HelloPath, HelloContent);
        _repo.Write(ScriptPath, $"#!/bin/sh\necho {ScriptOutput}\n");
        _repo.MakeExecutable(ScriptPath);
        await _repo.CommitAllAsync();
        _repo.Write(UntrackedPath, "untracked, not ignored\n");
        _repo.Write(IgnoredPath, "ignored\n");
    }

    public ValueTask DisposeAsync()
    {
        _repo?.Dispose();
        return ValueTask.CompletedTask;
    }
}
