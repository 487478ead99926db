using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>Run and warmup requests as the CLI builds them, with test defaults.</summary>
internal static class Requests
{
    public static RunRequest Run(BackendHarness harness, params string[] command) => new()
    {
        Repo = harness.RepoInfo,
        RunId = "run_0123456789ab",
        Command = command.Length == 0 ? ["true"] : command,
        NoSync = harness.Repo is null,
        Environment = new Dictionary<string, string> { ["CI"] = "1", ["CRABBOX_RUN_ID"] = "run_0123456789ab" },
    };

    public static WarmupRequest Warmup(BackendHarness harness) => new() { Repo = harness.RepoInfo };
}
