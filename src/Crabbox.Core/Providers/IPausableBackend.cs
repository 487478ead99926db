using Crabbox.Core.Runs;

namespace Crabbox.Core.Providers;

/// <summary>Optional capability: pause and resume a sandbox, keeping its claim.</summary>
public interface IPausableBackend
{
    Task PauseAsync(LeaseRequest request, CancellationToken cancellationToken);

    Task ResumeAsync(LeaseRequest request, CancellationToken cancellationToken);
}
