using System.Text.Json;
using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;

namespace Crabbox.Cli.Tests.Commands;

public sealed class SyncPlanCommandTests
{
    [Fact]
    public async Task SyncPlan_Json_CountsTheSyncSetFromASubfolder()
    {
        using var repo = await TempGitRepo.CreateAsync();
        repo.Write(".gitignore", "*.log\n");
        repo.Write("src/app.cs", "class A {}\n");
        repo.Write("src/notes.log", "ignored\n");
        repo.Write("node_modules/x/index.js", "excluded by a built-in rule\n");
        repo.Write("crabbox.yaml", "sync:\n  exclude:\n    - docs\n");
        repo.Write("docs/readme.md", "excluded by config\n");
        await repo.GitAsync("add", ".gitignore", "src/app.cs");
        using var host = new CliTestHost(repo.FullPath("src"));

        var result = await host.RunAsync("sync-plan", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("excluded").GetProperty("files").GetInt32());
        Assert.Equal("ok", json.RootElement.GetProperty("guardrail").GetProperty("status").GetString());
    }

    [Fact]
    public async Task SyncPlan_OutsideRepository_ExitsSync()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("sync-plan");

        Assert.Equal(ExitCodes.Sync, result.ExitCode);
        Assert.Contains("is not a Git repository", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncPlan_BadLimit_ExitsUsage()
    {
        using var repo = await TempGitRepo.CreateAsync();
        using var host = new CliTestHost(repo.Root);

        var result = await host.RunAsync("sync-plan", "--limit", "0");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: --limit must be positive, got 0\n", result.Stderr);
    }
}
