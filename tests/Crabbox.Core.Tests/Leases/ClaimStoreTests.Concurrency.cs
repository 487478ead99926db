using System.Diagnostics;
using System.Text.Json;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

public sealed partial class ClaimStoreTests
{
    private const int Writers = 8;
    private const int Increments = 25;

    [Fact(Timeout = 180_000)]
    public async Task UpdateAsync_EightWriterProcessesOnOneLease_LoseNoIncrement()
    {
        var processes = Enumerable.Range(0, Writers)
            .Select(i => ClaimWriterProcess.Start(_directory.Root, LeaseId, Increments, $"writer{i}"))
            .ToList();

        await WaitForWritersAsync(processes);

        var claim = await ReadValidatedAsync(LeaseId);
        Assert.Equal((Writers * Increments).ToString(), claim.Labels!["counter"]);
        Assert.All(Enumerable.Range(0, Writers), i => Assert.Equal(Increments.ToString(), claim.Labels![$"writer{i}"]));
    }

    [Fact(Timeout = 180_000)]
    public async Task UpdateAsync_EightWriterProcessesOnOwnLeases_EachKeepsItsCount()
    {
        var leases = Enumerable.Range(0, Writers).Select(i => $"cbx_{i:x12}").ToList();
        var processes = leases.Select(lease => ClaimWriterProcess.Start(_directory.Root, lease, Increments, "writer")).ToList();

        await WaitForWritersAsync(processes);

        foreach (var lease in leases)
        {
            var claim = await ReadValidatedAsync(lease);
            Assert.Equal(Increments.ToString(), claim.Labels!["counter"]);
        }

        Assert.Equal(leases, (await _store.ListAsync(Token)).Select(claim => claim.LeaseId));
    }

    [Fact(Timeout = 120_000)]
    public async Task UpdateAsync_EightStoresInOneProcess_LoseNoIncrement()
    {
        var tasks = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var store = new ClaimStore(_directory.Paths, TimeProvider.System);
            for (var n = 0; n < Increments; n++)
            {
                await store.UpdateAsync(LeaseId, claim => ClaimWriterProcess.Increment(claim, LeaseId, $"task{i}"), Token);
            }
        }, Token));

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(100), Token);

        var claim = await ReadValidatedAsync(LeaseId);
        Assert.Equal((Writers * Increments).ToString(), claim.Labels!["counter"]);
    }

    private static async Task WaitForWritersAsync(List<Process> processes)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(150));
            foreach (var process in processes)
            {
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"writer exited {process.ExitCode}: {await stderr}");
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
            }
        }
    }

    private async Task<LeaseClaim> ReadValidatedAsync(string leaseId)
    {
        var text = await File.ReadAllTextAsync(ClaimFile(leaseId), Token);
        using (JsonDocument.Parse(text))
        {
        }

        Assert.EndsWith("}\n", text);
        Assert.Empty(Directory.EnumerateFiles(_directory.Paths.ClaimsDirectory, ".*"));
        return (await _store.ReadAsync(leaseId, Token))!;
    }
}
