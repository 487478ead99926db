using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Runs;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Artifacts;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo.Runs;

/// <summary>
/// <c>crabbox run</c> on Islo: check the tree, create (and wait for) or reuse a sandbox, sync,
/// run the command with live output, fetch requested files, and delete what this run created,
/// on every path once the sandbox exists, including Ctrl-C.
/// </summary>
internal sealed class IsloRunner(
    IsloRuntime runtime,
    IsloLeaseResolver resolver,
    IsloSandboxCreator creator,
    IsloSandboxWaiter waiter,
    IsloSandboxReleaser releaser,
    IsloWorkspaceSync sync,
    IsloRunArtifacts artifacts)
{
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workspace = IsloWorkdir.Resolve(runtime.Settings.Workdir);
        _ = runtime.Client;
        var argv = IsloCommandLine.ToArgv(request.Command, request.Shell);
        var state = new IsloRunState { Started = runtime.Time.GetTimestamp() };
        var report = new IsloRunReport(runtime, request, state);
        RunResult? result = null;
        Exception? failure = null;
        try
        {
            await AcquireAsync(request, state, workspace, cancellationToken);
            try
            {
                result = await RunOnLeaseAsync(request, state, workspace, argv, report, cancellationToken);
            }
            catch (CrabboxException ex)
            {
                // Setup failures (readiness, sync) after the sandbox exists: a result, so the session survives.
                result = report.Result(ex.ExitCode, ex.Message, RunOutcome.Derive(ex.ExitCode, ex));
            }

            return result;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            if (state.EarlyListing is { } early)
            {
                await early.DisposeAsync();
            }

            if (state.Lease is { } lease && state.ShouldStop)
            {
                state.LeaseStopError = await releaser.ReleaseAsync(lease);
                state.LeaseStopped = state.LeaseStopError is null;
            }

            if (request.TimingJson)
            {
                report.WriteTiming(result, failure);
            }
        }
    }

    private async Task AcquireAsync(RunRequest request, IsloRunState state, string workspace, CancellationToken cancellationToken)
    {
        Task<IsloSyncSource>? source = null;
        if (!request.NoSync)
        {
            var repo = request.Repo ?? throw new CrabboxException(ExitCodes.Sync, "run needs a Git checkout to sync; pass --no-sync");
            source = sync.PrepareSourceAsync(repo, cancellationToken);
        }

        if (request.Id is null)
        {
            // The guardrails decide before a sandbox is created.
            state.Source = source is null ? null : await source;
            var (lease, created) = await creator.CreateAsync(
                new IsloCreateRequest { Repo = request.Repo, Slug = request.Slug, Pond = request.Pond, Reclaim = request.Reclaim },
                cancellationToken);
            state.Lease = lease;
            state.Created = created;
            state.Acquired = true;
            state.ShouldStop = !request.Keep;
            await runtime.Error.WriteLineAsync(
                $"leased {lease.LeaseId} slug={lease.Slug} provider={runtime.ProviderName} sandbox={lease.Name}");
            return;
        }

        // A reused lease is resolved while the manifest is built, and its workspace listing starts
        // right away, so the listing exec overlaps the local work.
        try
        {
            state.Lease = await resolver.ResolveForRepoAsync(request.Id, request.Repo?.Root, request.Reclaim, cancellationToken);
            if (source is not null && !request.FullResync)
            {
                state.EarlyListing = await sync.StartListingAsync(state.Lease.Name, state.Lease.LeaseId, workspace, cancellationToken);
            }
        }
        catch (Exception) when (source is not null)
        {
            // The manifest's own failure (guardrails) comes first, as when it ran alone.
            await source;
            throw;
        }

        state.Source = source is null ? null : await source;
    }

    private async Task<RunResult> RunOnLeaseAsync(
        RunRequest request, IsloRunState state, string workspace, IReadOnlyList<string> argv, IsloRunReport report, CancellationToken cancellationToken)
    {
        var lease = state.Lease!;
        if (state.Acquired)
        {
            var timeout = request.WaitTimeout > TimeSpan.Zero ? request.WaitTimeout : TimeSpan.FromMinutes(5);
            await waiter.WaitUntilRunningAsync(lease.Name, timeout, state.Created, cancellationToken);
        }

        await runtime.Error.WriteLineAsync($"provider={runtime.ProviderName} lease={lease.LeaseId} sandbox={lease.Name}");
        if (state.Source is { } source)
        {
            state.Sync = await sync.SyncAsync(
                new IsloSyncRequest
                {
                    Sandbox = lease.Name,
                    LeaseId = lease.LeaseId,
                    Workspace = workspace,
                    Source = source,
                    EarlyListing = state.EarlyListing,
                    FullResync = request.FullResync,
                    Record = !state.ShouldStop || request.KeepOnFailure,
                },
                cancellationToken);
            if (!state.Sync.Skipped)
            {
                await runtime.Error.WriteLineAsync($"sync complete in {GoDuration.FormatMilliseconds(state.Sync.Duration)}");
            }
        }
        else
        {
            await sync.EnsureWorkspaceAsync(lease.Name, workspace, cancellationToken);
        }

        var environment = await EnvironmentAsync(request, lease);
        var commandStarted = runtime.Time.GetTimestamp();
        int exitCode;
        string? streamError = null;
        try
        {
            exitCode = await runtime.Client.ExecStreamAsync(
                lease.Name,
                new IsloExecRequest { Command = argv, Env = environment, Workdir = workspace },
                runtime.Console.StandardOutput,
                runtime.Console.StandardError,
                cancellationToken);
        }
        catch (CrabboxException ex)
        {
            exitCode = ExitCodes.Failure;
            streamError = ex.Message;
        }

        state.Command = runtime.Elapsed(commandStarted);
        CrabboxException? artifactError = null;
        if (streamError is null && exitCode == 0 && (request.RequiredArtifacts.Count > 0 || request.Downloads.Count > 0))
        {
            try
            {
                state.Artifacts = await artifacts.RetrieveAsync(lease.Name, workspace, request, cancellationToken);
            }
            catch (CrabboxException ex)
            {
                artifactError = ex;
                exitCode = ex.ExitCode != 0 ? ex.ExitCode : ExitCodes.Lifecycle;
            }
        }

        await report.WriteSummaryAsync(exitCode);
        if (artifactError is not null)
        {
            await report.KeepOnFailureAsync();
            return report.Result(exitCode, artifactError.Message, new RunOutcome(RunStatus.Failed, RunErrorKind.ProviderError));
        }

        if (streamError is not null)
        {
            await report.KeepOnFailureAsync();
            return report.Result(exitCode, $"{runtime.ProviderName} run failed: {streamError}", new RunOutcome(RunStatus.Failed, RunErrorKind.ProviderError));
        }

        if (exitCode != 0)
        {
            await report.KeepOnFailureAsync();
            // A process exit status keeps only the low 8 bits (256 would read as success): codes outside 1..255 exit 255.
            var processExitCode = exitCode is > 0 and <= 255 ? exitCode : 255;
            return report.Result(processExitCode, $"{runtime.ProviderName} run exited {exitCode}", new RunOutcome(RunStatus.Failed, RunErrorKind.CommandExit));
        }

        return report.Result(0, null, new RunOutcome(RunStatus.Succeeded, RunErrorKind.None));
    }

    /// <summary>
    /// The run's forwarded environment plus the lease's identity. A variable holding the API key
    /// is never forwarded, even when allowed by name: the key must not leave this machine.
    /// </summary>
    private async Task<Dictionary<string, string>> EnvironmentAsync(RunRequest request, IsloLease lease)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Environment)
        {
            if (runtime.Clients.IsApiKey(name, value))
            {
                await runtime.Error.WriteLineAsync($"warning: not forwarding {name}: it holds the Islo API key");
                continue;
            }

            environment[name] = value;
        }

        environment["CRABBOX_LEASE_ID"] = lease.LeaseId;
        environment["CRABBOX_SLUG"] = lease.Slug;
        return environment;
    }
}
