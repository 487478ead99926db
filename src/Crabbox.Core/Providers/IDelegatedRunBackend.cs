using Crabbox.Core.Output;
using Crabbox.Core.Runs;

namespace Crabbox.Core.Providers;

/// <summary>
/// A backend that owns the sandbox and the command transport. Backends print their own
/// narration to the console's stderr (and warmup's result lines to stdout) and signal failures
/// by throwing <see cref="CrabboxException"/> with the documented exit code.
/// </summary>
public interface IDelegatedRunBackend
{
    /// <summary>Creates (and claims) a sandbox without running anything.</summary>
    Task WarmupAsync(WarmupRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or reuses a sandbox, syncs, runs the command with live output and releases what it
    /// created. A nonzero remote exit is a result, not an exception; provider failures after a
    /// lease exists are also results (with <see cref="RunResult.Session"/>) so cleanup hints survive.
    /// </summary>
    Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<LeaseView>> ListAsync(ListRequest request, CancellationToken cancellationToken);

    Task<StatusView> StatusAsync(StatusRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the sandbox (exact local claim required) and removes its claim.</summary>
    Task StopAsync(LeaseRequest request, CancellationToken cancellationToken);
}
