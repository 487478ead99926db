using System.Diagnostics;
using System.Globalization;
using Crabbox.Core.Leases;

namespace Crabbox.Core.Tests.Leases;

/// <summary>
/// A separate OS process that increments claim labels through its own <see cref="ClaimStore"/>:
/// the test executable re-invoked as <c>claim-writer &lt;root&gt; &lt;leaseId&gt; &lt;iterations&gt; &lt;writer&gt;</c>.
/// Each iteration is one read-modify-write of label <c>counter</c> and label <c>&lt;writer&gt;</c>.
/// </summary>
internal static class ClaimWriterProcess
{
    public const string Verb = "claim-writer";

    public static Process Start(string root, string leaseId, int iterations, string writer)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "Crabbox.Core.Tests" + (OperatingSystem.IsWindows() ? ".exe" : string.Empty));
        var start = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { "exec", typeof(ClaimWriterProcess).Assembly.Location } };
        foreach (var arg in new[] { Verb, root, leaseId, iterations.ToString(CultureInfo.InvariantCulture), writer })
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start claim writer");
    }

    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args is not [var root, var leaseId, var iterationsText, var writer])
        {
            await Console.Error.WriteLineAsync("usage: claim-writer <root> <leaseId> <iterations> <writer>");
            return 2;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var store = new ClaimStore(TestDirectory.PathsFor(root), TimeProvider.System);
        try
        {
            for (var i = 0; i < int.Parse(iterationsText, CultureInfo.InvariantCulture); i++)
            {
                await store.UpdateAsync(leaseId, claim => Increment(claim, leaseId, writer), timeout.Token);
            }

            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return 1;
        }
    }

    /// <summary>Adds one to <c>counter</c> and to <paramref name="writer"/>'s own label.</summary>
    public static LeaseClaim Increment(LeaseClaim? claim, string leaseId, string writer)
    {
        var labels = new Dictionary<string, string>(claim?.Labels ?? new Dictionary<string, string>());
        labels["counter"] = Next(labels, "counter");
        labels[writer] = Next(labels, writer);
        return (claim ?? new LeaseClaim { LeaseId = leaseId, RepoRoot = "/repo" }) with { Labels = labels };
    }

    private static string Next(Dictionary<string, string> labels, string key) =>
        ((labels.TryGetValue(key, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0) + 1).ToString(CultureInfo.InvariantCulture);
}
