using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox warmup</c>: create a sandbox now so later runs can reuse it with <c>--id</c>.</summary>
internal sealed class WarmupCommand : CrabboxCommand
{
    private static readonly Option<bool> s_keepOption = new("--keep")
    {
        Description = "Keep the sandbox until 'crabbox stop' (default true)",
        DefaultValueFactory = _ => true,
    };

    private static readonly Option<bool> s_reclaimOption = CommonOptions.Reclaim();
    private static readonly Option<string?> s_slugOption = CommonOptions.Slug();
    private static readonly Option<string?> s_pondOption = CommonOptions.Pond();
    private static readonly Option<bool> s_timingJsonOption = CommonOptions.TimingJson();
    private static readonly Option<TimeSpan?> s_waitTimeoutOption = CommonOptions.Duration("--wait-timeout", "How long the new sandbox may take to become ready before exit 5 (default 5m)");

    private readonly ProviderFlagOptions _providerFlags;
    private readonly WarmupService _service;

    public WarmupCommand(IConsole console, ProviderRegistry registry, WarmupService service)
        : base("warmup", "Create and claim a sandbox ahead of time; later runs reuse it with --id <slug>", console)
    {
        _service = service;
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Options.Add(s_keepOption);
        Options.Add(s_reclaimOption);
        Options.Add(s_slugOption);
        Options.Add(s_pondOption);
        Options.Add(s_timingJsonOption);
        Options.Add(s_waitTimeoutOption);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        _service.WarmupAsync(
            new LeaseCommandOptions { Flags = _providerFlags.Collect(parseResult) },
            new WarmupRequest
            {
                Keep = parseResult.GetValue(s_keepOption),
                Reclaim = parseResult.GetValue(s_reclaimOption),
                Slug = parseResult.GetValue(s_slugOption),
                Pond = parseResult.GetValue(s_pondOption),
                TimingJson = parseResult.GetValue(s_timingJsonOption),
                WaitTimeout = parseResult.GetValue(s_waitTimeoutOption) ?? TimeSpan.FromMinutes(5),
            },
            cancellationToken);
}
