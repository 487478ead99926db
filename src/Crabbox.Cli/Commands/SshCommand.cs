using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox ssh &lt;lease&gt;</c>: print a pasteable ssh command for a claimed sandbox.</summary>
internal sealed class SshCommand(IConsole console, ProviderRegistry registry, LeaseService service)
    : LeaseActionCommand("ssh", "Print the ssh command that logs in to a claimed sandbox (resumes it if paused)", console, registry, reclaim: true)
{
    protected override Task<int> ExecuteAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        service.SshAsync(options, request, cancellationToken);
}
