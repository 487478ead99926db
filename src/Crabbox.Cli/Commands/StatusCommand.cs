using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox status &lt;lease&gt;</c>: show a lease's state, optionally waiting until it is ready.</summary>
internal sealed class StatusCommand : CrabboxCommand
{
    private static readonly Option<string?> s_idOption = CommonOptions.Id();
    private static readonly Argument<string?> s_idArgument = CommonOptions.IdArgument();
    private static readonly Option<bool> s_waitOption = new("--wait") { Description = "Poll until the lease is ready; exit 5 on a terminal state or timeout" };
    private static readonly Option<TimeSpan?> s_waitTimeoutOption = CommonOptions.Duration("--wait-timeout", "How long --wait may take before exit 5 (default 5m)");
    private static readonly Option<bool> s_jsonOption = CommonOptions.Json("the status");

    private readonly ProviderFlagOptions _providerFlags;
    private readonly LeaseService _service;

    public StatusCommand(IConsole console, ProviderRegistry registry, LeaseService service)
        : base("status", "Show a lease's state (reads only; works without a local claim)", console)
    {
        _service = service;
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Options.Add(s_idOption);
        Options.Add(s_waitOption);
        Options.Add(s_waitTimeoutOption);
        Options.Add(s_jsonOption);
        Arguments.Add(s_idArgument);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = LeaseIdentifier.Required(parseResult.GetValue(s_idOption), parseResult.GetValue(s_idArgument), "status");
        return _service.StatusAsync(
            new LeaseCommandOptions { Flags = _providerFlags.Collect(parseResult), LeaseId = id },
            new StatusRequest
            {
                Id = id,
                Wait = parseResult.GetValue(s_waitOption),
                WaitTimeout = parseResult.GetValue(s_waitTimeoutOption) ?? TimeSpan.FromMinutes(5),
            },
            parseResult.GetValue(s_jsonOption),
            cancellationToken);
    }
}
