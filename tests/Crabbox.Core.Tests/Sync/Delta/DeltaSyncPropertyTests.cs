using System.Runtime.Versioning;
using Crabbox.Core.Tests.Leases;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>
/// The randomized property test: fixed seeds, each a sequence of steps that apply random local and
/// remote changes, sync with the real pieces (see <see cref="DeltaSyncHarness"/>), check
/// <see cref="SyncRule"/>, and check that planning again right away finds nothing to do.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DeltaSyncPropertyTests
{
    public const int Sequences = 30;
    public const int StepsPerSequence = 15;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, Sequences)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task SyncAsync_RandomLocalAndRemoteChanges_RuleHoldsAfterEverySync(int seed)
    {
        // Odd seeds hash with a clock an hour ahead, so files edited in earlier steps come from the
        // hash cache (the real clock would distrust anything younger than the racy window).
        using var harness = await DeltaSyncHarness.CreateAsync(seed % 2 == 1 ? new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(1)) : null);
        var random = new Random(seed);
        var local = new LocalMutator(harness.Repo.Root, random);
        var remote = new RemoteMutator(harness.Workspace, harness.Outside, local, random);
        harness.Repo.Write(".gitignore", "build/\n*.log\n");
        for (var i = 0; i < 8; i++)
        {
            local.Mutate();
        }

        await harness.Repo.CommitAllAsync("initial");
        var first = await harness.SyncAsync();
        SyncRule.AssertHolds(harness, first, remote, $"seed {seed} initial sync");
        Assert.True(first.Plan.FullResync);
        var synced = first.Manifest.Files.Select(entry => entry.Path).ToList();

        for (var step = 1; step <= StepsPerSequence; step++)
        {
            var log = new List<string>();
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                log.Add(local.Mutate());
            }

            for (var i = random.Next(0, 3); i > 0; i--)
            {
                log.Add(remote.Mutate(synced));
            }

            if (random.Next(4) == 0)
            {
                await harness.Repo.GitAsync("add", "-A");
                await harness.Repo.GitAsync("commit", "-q", "--allow-empty", "-m", $"step {step}");
            }

            var context = $"seed {seed} step {step} [{string.Join("; ", log)}]";
            var pass = await harness.SyncAsync();

            SyncRule.AssertHolds(harness, pass, remote, context);
            Assert.True(pass.Result is null || pass.Result.Unverified.Count == 0, $"{context}: unverified {string.Join(", ", pass.Result?.Unverified ?? [])}");
            Assert.True(!pass.Plan.FullResync || pass.Before.Entries.Count == 0, $"{context}: unexpected full sync ({pass.Plan.FullResyncReason})");
            var again = await harness.PlanAsync();
            Assert.True(again.IsEmpty, $"{context}: planning again right after the sync is not empty: {again.Describe()}");
            synced = pass.Manifest.Files.Select(entry => entry.Path).ToList();
        }
    }
}
