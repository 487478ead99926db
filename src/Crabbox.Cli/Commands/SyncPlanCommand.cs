using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Sync;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox sync-plan [--json]</c>: the files a run would sync, what is excluded, and the guardrail verdict.</summary>
internal sealed class SyncPlanCommand : CrabboxCommand
{
    private static readonly Option<bool> s_jsonOption = CommonOptions.Json("the plan");
    private static readonly Option<int> s_limitOption = new("--limit")
    {
        Description = "How many of the largest files and folders to show",
        HelpName = "n",
        DefaultValueFactory = _ => SyncPlanReport.DefaultLimit,
    };

    private readonly SyncPlanService _service;

    public SyncPlanCommand(IConsole console, SyncPlanService service)
        : base("sync-plan", "Show what a run would upload: file count, size, exclusions and the large-sync guardrail verdict", console)
    {
        _service = service;
        Options.Add(s_jsonOption);
        Options.Add(s_limitOption);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        _service.PlanAsync(parseResult.GetValue(s_limitOption), parseResult.GetValue(s_jsonOption), cancellationToken);
}
