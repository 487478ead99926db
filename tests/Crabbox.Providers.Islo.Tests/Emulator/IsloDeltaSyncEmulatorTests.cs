using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Crabbox.Core.Repo;
using Crabbox.Core.Tests.Sync.Delta;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests.Emulator;

/// <summary>
/// The delta sync acceptance test through the real path: <see cref="IsloBackend"/> against the
/// in-process emulator (real HTTP, SSE, archive extraction, bubblewrap) on a warmed-up sandbox
/// reused with <c>--id</c>. Each fixed seed plays a sequence of steps; each step makes random local
/// edits (adds, edits, deletes, renames, exec bits, links retargeted, file/link/directory swaps) and
/// random changes in the sandbox's workspace folder (edits keeping or changing size, mtime touches,
/// deletes, chmods, build outputs, escape links), runs, checks <see cref="EmulatorSyncRule"/> on the
/// folder, and runs again, which must find nothing to send.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class IsloDeltaSyncEmulatorTests
{
    public const int Sequences = 8;
    public const int StepsPerSequence = 8;
    private const string Slug = "delta";

    public static TheoryData<int> Seeds => [.. Enumerable.Range(101, Sequences)];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RunAsync_RandomLocalAndRemoteChanges_RuleHoldsAfterEveryRun(int seed)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var outside = new TempDirectory("crabbox-outside");
        await File.WriteAllTextAsync(Path.Combine(outside.Path, "sentinel"), "outside the workspace", Token);
        var harness = session.Harness;
        var repo = harness.Repo!;
        var backend = session.CreateBackend();
        var random = new Random(seed);
        var local = new LocalMutator(repo.Root, random);
        repo.Write(".gitignore", "build/\n*.log\n");
        for (var i = 0; i < 8; i++)
        {
            local.Mutate();
        }

        await repo.CommitAllAsync("initial").WithTimeout();
        await backend.WarmupAsync(Requests.Warmup(harness) with { Slug = Slug, Keep = true }, Token).WithTimeout();
        var workspace = session.WorkspaceOf(SandboxName().Match(harness.Out).Groups[1].Value);
        var remote = new RemoteMutator(workspace, outside.Path, local, random);
        IReadOnlyList<string> previous = [];

        for (var step = 0; step <= StepsPerSequence; step++)
        {
            var log = new List<string>();
            if (step > 0)
            {
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    log.Add(local.Mutate());
                }

                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    log.Add(remote.Mutate(previous));
                }

                if (random.Next(4) == 0)
                {
                    await repo.GitAsync("add", "-A").WithTimeout();
                    await repo.GitAsync("commit", "-q", "--allow-empty", "-m", $"step {step}").WithTimeout();
                }
            }

            var context = $"seed {seed} step {step} [{string.Join("; ", log)}]";
            var narration = await RunAsync(session, backend, context);
            var manifest = await new GitSyncManifestBuilder(repo.Environment)
                .BuildAsync(harness.RepoInfo!, new SyncSettings(), Token).WithTimeout();
            var wiped = step == 0 || narration.Contains("sync full (", StringComparison.Ordinal);

            EmulatorSyncRule.AssertHolds(repo.Root, workspace, outside.Path, manifest, [.. previous], remote, wiped, context);
            Assert.True(step == 0 || !wiped || narration.Contains("(remote workspace empty)", StringComparison.Ordinal), $"{context}: unexpected full sync\n{narration}");
            Assert.DoesNotContain("did not arrive as sent", narration, StringComparison.Ordinal);
            var again = await RunAsync(session, backend, context + " again");
            Assert.True(again.Contains("sync skipped: no changes\n", StringComparison.Ordinal), $"{context}: the run right after sent something\n{again}");
            previous = [.. manifest.Files.Select(entry => entry.Path)];
        }
    }

    /// <summary>One <c>run --id</c>; returns what it printed on stderr.</summary>
    private static async Task<string> RunAsync(EmulatorSession session, IsloBackend backend, string context)
    {
        var start = session.Harness.Error.Length;
        var result = await backend.RunAsync(Requests.Run(session.Harness) with { Id = Slug }, Token).WithTimeout();
        var narration = session.Harness.Error[start..];
        Assert.True(result.ExitCode == 0, $"{context}: run exited {result.ExitCode}: {result.Message}\n{narration}");
        return narration;
    }

    [GeneratedRegex(@"sandbox=(\S+)")]
    private static partial Regex SandboxName();
}
