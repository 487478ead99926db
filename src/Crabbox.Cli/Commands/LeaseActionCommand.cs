using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary>
/// Shape shared by commands that act on exactly one existing lease (stop, pause, resume, ssh):
/// the lease as <c>--id</c> or a single argument, <c>--provider</c> and the provider flags.
/// </summary>
internal abstract class LeaseActionCommand : CrabboxCommand
{
    private readonly Option<string?> _idOption = CommonOptions.Id();
    private readonly Argument<string?> _idArgument = CommonOptions.IdArgument();
    private readonly Option<bool>? _reclaimOption;
    private readonly ProviderFlagOptions _providerFlags;

    protected LeaseActionCommand(string name, string description, IConsole console, ProviderRegistry registry, bool reclaim)
        : base(name, description, console)
    {
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Options.Add(_idOption);
        if (reclaim)
        {
            _reclaimOption = CommonOptions.Reclaim();
            Options.Add(_reclaimOption);
        }

        Arguments.Add(_idArgument);
    }

    protected abstract Task<int> ExecuteAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken);

    protected sealed override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = LeaseIdentifier.Required(parseResult.GetValue(_idOption), parseResult.GetValue(_idArgument), Name);
        var options = new LeaseCommandOptions { Flags = _providerFlags.Collect(parseResult), LeaseId = id };
        var request = new LeaseRequest
        {
            Id = id,
            Reclaim = _reclaimOption is not null && parseResult.GetValue(_reclaimOption),
        };
        return ExecuteAsync(options, request, cancellationToken);
    }
}
