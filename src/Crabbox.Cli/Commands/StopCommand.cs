using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox stop &lt;lease&gt;</c> (alias <c>release</c>): delete a claimed sandbox and its claim.</summary>
internal sealed class StopCommand : LeaseActionCommand
{
    private readonly LeaseService _service;

    public StopCommand(IConsole console, ProviderRegistry registry, LeaseService service)
        : base("stop", "Delete a sandbox this checkout claimed, and its local claim", console, registry, reclaim: true)
    {
        _service = service;
        Aliases.Add("release");
    }

    protected override Task<int> ExecuteAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        _service.StopAsync(options, request, cancellationToken);
}
