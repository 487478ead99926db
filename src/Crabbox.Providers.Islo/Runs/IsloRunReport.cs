using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Runs;

/// <summary>The lines and records a run reports: the summary, keep-on-failure hints, the result and <c>--timing-json</c>.</summary>
internal sealed class IsloRunReport(IsloRuntime runtime, RunRequest request, IsloRunState state)
{
    private string Provider => runtime.ProviderName;

    /// <summary><c>&lt;p&gt; run summary sync=&lt;d&gt;|sync_skipped=true command=&lt;d&gt; total=&lt;d&gt; exit=&lt;n&gt;</c> on stderr.</summary>
    public Task WriteSummaryAsync(int exitCode)
    {
        var sync = request.NoSync ? "sync_skipped=true" : "sync=" + GoDuration.FormatMilliseconds(state.Sync?.Duration ?? TimeSpan.Zero);
        return runtime.Error.WriteLineAsync(
            $"{Provider} run summary {sync} command={GoDuration.FormatMilliseconds(state.Command)} "
            + $"total={GoDuration.FormatMilliseconds(runtime.Elapsed(state.Started))} exit={exitCode}");
    }

    /// <summary>
    /// With <c>--keep-on-failure</c>: keeps a sandbox this run created (unless <c>--keep</c> already
    /// did) and prints how to rerun against it and how to stop it.
    /// </summary>
    public async Task KeepOnFailureAsync()
    {
        if (!request.KeepOnFailure || state.Lease is not { } lease)
        {
            return;
        }

        state.ShouldStop = false;
        var slug = string.IsNullOrEmpty(lease.Slug) ? "-" : lease.Slug;
        var target = ShellQuote.QuoteIfNeeded(string.IsNullOrEmpty(lease.Slug) ? lease.LeaseId : lease.Slug);
        var settings = runtime.Settings;
        await runtime.Error.WriteLineAsync(
            $"keep-on-failure: kept lease={lease.LeaseId} slug={slug} expires=idle/ttl "
            + $"idle_timeout={GoDuration.Format(settings.IdleTimeout)} ttl={GoDuration.Format(settings.Ttl)}");
        var shell = request.Shell ? " --shell" : string.Empty;
        await runtime.Error.WriteLineAsync($"rerun: crabbox run --provider {Provider} --id {target}{shell} -- {ShellQuote.Join(request.Command)}");
        await runtime.Error.WriteLineAsync($"stop: crabbox stop --provider {Provider} {target}");
    }

    public RunResult Result(int exitCode, string? message, RunOutcome outcome) => new()
    {
        ExitCode = exitCode,
        Message = message,
        Status = outcome.Status,
        ErrorKind = outcome.ErrorKind,
        Session = Session(),
    };

    /// <summary>The <c>--timing-json</c> line; written last, after cleanup.</summary>
    public void WriteTiming(RunResult? result, Exception? failure)
    {
        var exitCode = result?.ExitCode ?? failure switch
        {
            OperationCanceledException => ExitCodes.Interrupted,
            CrabboxException crabbox => crabbox.ExitCode,
            _ => ExitCodes.Failure,
        };
        var outcome = result is null ? RunOutcome.Derive(exitCode, failure) : new RunOutcome(result.Status, result.ErrorKind);
        TimingReportWriter.Write(runtime.Error, new TimingReport
        {
            Provider = Provider,
            LeaseId = state.Lease?.LeaseId,
            Slug = state.Lease?.Slug,
            SyncMs = Milliseconds(state.Sync?.Duration ?? TimeSpan.Zero),
            SyncPhases = request.NoSync
                ? [new TimingPhase { Name = "sync", Skipped = true, Reason = "--no-sync" }]
                : state.Sync?.Phases,
            SyncSkipped = request.NoSync || state.Sync?.Skipped == true,
            SyncDelegated = true,
            CommandMs = Milliseconds(state.Command),
            TotalMs = Milliseconds(runtime.Elapsed(state.Started)),
            EndToEndMs = request.StartedAt == default ? 0 : Milliseconds(runtime.Time.GetUtcNow() - request.StartedAt),
            ExitCode = exitCode,
            RunStatus = outcome.Status,
            ErrorKind = outcome.ErrorKind,
            RunId = request.RunId,
            Label = request.Label,
            Artifacts = state.Artifacts,
            LeaseStopped = state.LeaseStopped,
            LeaseStopError = state.LeaseStopError,
        });
    }

    private RunSessionHandle? Session() => state.Lease is not { } lease
        ? null
        : new RunSessionHandle
        {
            Provider = Provider,
            LeaseId = lease.LeaseId,
            Slug = lease.Slug,
            Reused = !state.Acquired,
            Kept = !state.ShouldStop,
            RunId = request.RunId,
            CleanupCommand = IsloNames.CleanupCommand(Provider, lease.LeaseId),
        };

    private static long Milliseconds(TimeSpan value) =>
        value <= TimeSpan.Zero ? 0 : (long)Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero);
}
