using Crabbox.Core.Output;
using Crabbox.Core.Runs;

namespace Crabbox.Core.Providers;

/// <summary>Optional capability: resolve where <c>crabbox ssh</c> logs in (claiming the lease for the repo).</summary>
public interface ISshLoginBackend
{
    Task<SshTarget> ResolveSshAsync(LeaseRequest request, CancellationToken cancellationToken);
}
