using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox resume &lt;lease&gt;</c>: resume a paused sandbox.</summary>
internal sealed class ResumeCommand(IConsole console, ProviderRegistry registry, LeaseService service)
    : LeaseActionCommand("resume", "Resume a paused sandbox", console, registry, reclaim: false)
{
    protected override Task<int> ExecuteAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        service.ResumeAsync(options, request, cancellationToken);
}
