using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox pause &lt;lease&gt;</c>: pause a claimed sandbox, keeping its files and claim.</summary>
internal sealed class PauseCommand(IConsole console, ProviderRegistry registry, LeaseService service)
    : LeaseActionCommand("pause", "Pause a claimed sandbox (its files and claim are kept; resume continues it)", console, registry, reclaim: false)
{
    protected override Task<int> ExecuteAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        service.PauseAsync(options, request, cancellationToken);
}
