using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;
using Crabbox.Core.Runs;
using Crabbox.Core.Sync;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Artifacts;
using Crabbox.Providers.Islo.Bridge;
using Crabbox.Providers.Islo.Leases;
using Crabbox.Providers.Islo.Runs;
using Crabbox.Providers.Islo.Sync;

namespace Crabbox.Providers.Islo;

/// <summary>
/// The Islo backend behind every lease command. It talks to whatever Islo-compatible endpoint it
/// was built with (the hosted API, or the embedded emulator of the <c>local</c> provider) and names
/// itself with the given provider name in everything users see. Building it does no I/O; the
/// API client is created on first use.
/// </summary>
internal sealed partial class IsloBackend : IDelegatedRunBackend, IPausableBackend, ISshLoginBackend, IPeerBridgeBackend, IAsyncDisposable
{
    private readonly IsloRuntime _runtime;
    private readonly IsloLeaseResolver _resolver;
    private readonly IsloSandboxCreator _creator;
    private readonly IsloSandboxWaiter _waiter;
    private readonly IsloSandboxReleaser _releaser;
    private readonly IsloRunner _runner;
    private readonly IsloBridge _bridge;
    private readonly IAsyncDisposable? _lifetime;

    public IsloBackend(
        ProviderContext context,
        IsloEndpoint endpoint,
        string providerName,
        IIsloClientFactory clients,
        ISyncManifestBuilder manifests,
        ISyncArchiveWriter archives,
        IsloTimeouts? timeouts = null,
        string? tempDirectory = null,
        IAsyncDisposable? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        _runtime = new IsloRuntime
        {
            ProviderName = providerName,
            Console = context.Console,
            Claims = context.Claims,
            ClaimService = new RepoClaimService(context.Claims, context.Paths, context.Time),
            Paths = context.Paths,
            Time = context.Time,
            Settings = IsloSettings.FromConfiguration(context.Config, endpoint.ComputeUrl.IsLoopback),
            Timeouts = timeouts ?? IsloTimeouts.Default,
            Clients = new IsloClientAccessor(clients, endpoint, providerName, context.Environment),
            WorkingDirectory = context.WorkingDirectory,
            TempDirectory = tempDirectory ?? Path.GetTempPath(),
        };
        _resolver = new IsloLeaseResolver(_runtime);
        _releaser = new IsloSandboxReleaser(_runtime);
        _creator = new IsloSandboxCreator(_runtime, _releaser);
        _waiter = new IsloSandboxWaiter(_runtime);
        var exec = new IsloHelperExec(_runtime);
        var sync = new IsloWorkspaceSync(_runtime, manifests, archives, exec, new IsloExecUploader(_runtime, exec));
        var artifacts = new IsloRunArtifacts(_runtime, new IsloArtifactFetcher(_runtime));
        _runner = new IsloRunner(_runtime, _resolver, _creator, _waiter, _releaser, sync, artifacts);
        _bridge = new IsloBridge(_runtime);
        _lifetime = lifetime;
    }

    /// <summary>The name this backend shows users (<c>islo</c>, <c>local</c>).</summary>
    public string ProviderName => _runtime.ProviderName;

    public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken) =>
        _runner.RunAsync(request, cancellationToken);

    /// <summary>Disposes what the backend was given to own (e.g. the <c>local</c> provider's emulator host).</summary>
    public ValueTask DisposeAsync() => _lifetime?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Creates, claims and waits for a sandbox. stdout: <c>leased &lt;id&gt; slug=&lt;s&gt; provider=&lt;p&gt; sandbox=&lt;name&gt;</c>,
    /// then <c>warmup complete total=&lt;d&gt;</c>. A sandbox that never becomes ready is deleted again.
    /// </summary>
    public async Task WarmupAsync(WarmupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _runtime.Time.GetTimestamp();
        var (lease, created) = await _creator.CreateAsync(
            new IsloCreateRequest { Repo = request.Repo, Slug = request.Slug, Pond = request.Pond, Reclaim = request.Reclaim },
            cancellationToken);
        var output = _runtime.Console.Out;
        try
        {
            await output.WriteLineAsync($"leased {lease.LeaseId} slug={lease.Slug} provider={ProviderName} sandbox={lease.Name}");
            var timeout = request.WaitTimeout > TimeSpan.Zero ? request.WaitTimeout : TimeSpan.FromMinutes(5);
            await _waiter.WaitUntilRunningAsync(lease.Name, timeout, created, cancellationToken);
        }
        catch
        {
            // Whatever failed (a closed stdout included), the sandbox exists and nobody will use it.
            await _releaser.ReleaseAsync(lease);
            throw;
        }

        if (!request.Keep)
        {
            await _runtime.Error.WriteLineAsync($"warning: {ProviderName} warmup keeps the sandbox until explicit stop");
        }

        var total = _runtime.Elapsed(started);
        await output.WriteLineAsync($"warmup complete total={GoDuration.FormatMilliseconds(total)}");
        if (request.TimingJson)
        {
            TimingReportWriter.Write(_runtime.Error, new TimingReport
            {
                Provider = ProviderName,
                LeaseId = lease.LeaseId,
                Slug = lease.Slug,
                TotalMs = (long)Math.Round(total.TotalMilliseconds, MidpointRounding.AwayFromZero),
                ExitCode = 0,
                RunStatus = RunStatus.Succeeded,
            });
        }
    }
}
