using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Tests.TestSupport;

/// <summary>A backend that records every call and answers with what the test configured.</summary>
internal sealed class FakeBackend : IDelegatedRunBackend, IPausableBackend, ISshLoginBackend, IPeerBridgeBackend
{
    public List<object> Calls { get; } = [];

    public Func<RunRequest, CancellationToken, Task<RunResult>> OnRun { get; set; } =
        (_, _) => Task.FromResult(new RunResult { ExitCode = 0 });

    public IReadOnlyList<LeaseView> Leases { get; set; } = [];

    /// <summary>Publish: default answers <c>https://&lt;lease&gt;.test:&lt;port&gt;/</c> with no id or expiry.</summary>
    public Func<PeerPublishRequest, PeerTarget> OnPublishPeer { get; set; } =
        request => new PeerTarget(request.Port, $"https://{request.LeaseId}.test:{request.Port}/", null, null);

    /// <summary>List of published URLs by lease id: default none.</summary>
    public Func<string, IReadOnlyList<PeerTarget>> OnListPeerTargets { get; set; } = _ => [];

    public Task WarmupAsync(WarmupRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return Task.CompletedTask;
    }

    public Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return OnRun(request, cancellationToken);
    }

    public Task<IReadOnlyList<LeaseView>> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return Task.FromResult(Leases);
    }

    public Task<StatusView> StatusAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return Task.FromResult(new StatusView { Id = request.Id, Provider = "fake", State = "running", Ready = true });
    }

    public Task StopAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(("stop", request));
        return Task.CompletedTask;
    }

    public Task PauseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(("pause", request));
        return Task.CompletedTask;
    }

    public Task ResumeAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(("resume", request));
        return Task.CompletedTask;
    }

    public Task<SshTarget> ResolveSshAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(("ssh", request));
        return Task.FromResult(new SshTarget { User = "islo", Host = "box.islo" });
    }

    public Task<PeerTarget> PublishPeerAsync(PeerPublishRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return Task.FromResult(OnPublishPeer(request));
    }

    public Task<IReadOnlyList<PeerTarget>> ListPeerTargetsAsync(string leaseId, CancellationToken cancellationToken)
    {
        Calls.Add(("targets", leaseId));
        return Task.FromResult(OnListPeerTargets(leaseId));
    }
}
