using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox list</c>: the provider's crabbox sandboxes, as text or JSON for dashboards.</summary>
internal sealed class ListCommand : CrabboxCommand
{
    private static readonly Option<bool> s_jsonOption = CommonOptions.Json("the leases (an array)");
    private static readonly Option<bool> s_allOption = new("--all") { Description = "Include sandboxes crabbox did not create, where the provider can" };
    private static readonly Option<bool> s_refreshOption = new("--refresh") { Description = "Query live state where the provider caches it" };
    private static readonly Option<string?> s_pondOption = new("--pond") { Description = "Only leases in this pond", HelpName = "pond" };

    private readonly ProviderFlagOptions _providerFlags;
    private readonly LeaseService _service;

    public ListCommand(IConsole console, ProviderRegistry registry, LeaseService service)
        : base("list", "List the provider's crabbox sandboxes", console)
    {
        _service = service;
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Options.Add(s_jsonOption);
        Options.Add(s_allOption);
        Options.Add(s_refreshOption);
        Options.Add(s_pondOption);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        _service.ListAsync(
            new LeaseCommandOptions { Flags = _providerFlags.Collect(parseResult) },
            new ListRequest
            {
                All = parseResult.GetValue(s_allOption),
                Refresh = parseResult.GetValue(s_refreshOption),
                Pond = RunService.NormalizePond(parseResult.GetValue(s_pondOption)),
            },
            parseResult.GetValue(s_jsonOption),
            cancellationToken);
}
