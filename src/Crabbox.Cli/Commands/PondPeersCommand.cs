using System.CommandLine;
using System.CommandLine.Parsing;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Commands;

/// <summary>
/// <c>crabbox pond peers --pond &lt;p&gt; [--share-port &lt;port&gt; [--share-ttl &lt;d&gt;]] [--json]</c>: the URLs
/// through which the pond's sandboxes reach each other. With <c>--share-port</c> it publishes that
/// port on every sandbox (reusing a live URL); without, it only lists what is published.
/// </summary>
internal sealed class PondPeersCommand : CrabboxCommand
{
    private static readonly Option<string?> s_pondOption = new("--pond")
    {
        Description = "The pond whose sandboxes to show (required)",
        HelpName = "pond",
    };

    private static readonly Option<int?> s_sharePortOption = new("--share-port")
    {
        Description = "Publish this sandbox port as a URL on every sandbox of the pond, reusing a URL that is still live; without it, only list the published URLs",
        HelpName = "port",
    };

    private static readonly Option<TimeSpan?> s_shareTtlOption = new("--share-ttl")
    {
        Description = "How long a URL published by --share-port lives (default 24h; the provider may clamp it, Islo to 1m..168h; 0 lets the provider choose)",
        HelpName = "duration",
        CustomParser = ParseTtl,
    };

    private static readonly Option<bool> s_jsonOption = CommonOptions.Json("the URLs (an array of {leaseId, slug, sandbox, port, url, shareId, expiresAt})");

    private readonly ProviderFlagOptions _providerFlags;
    private readonly PondService _service;

    public PondPeersCommand(IConsole console, ProviderRegistry registry, PondService service)
        : base("peers", "Show (or, with --share-port, publish) the URLs of a pond's sandboxes", console)
    {
        _service = service;
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Options.Add(s_pondOption);
        Options.Add(s_sharePortOption);
        Options.Add(s_shareTtlOption);
        Options.Add(s_jsonOption);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        _service.PeersAsync(
            new LeaseCommandOptions { Flags = _providerFlags.Collect(parseResult) },
            new PondPeersInvocation
            {
                Pond = parseResult.GetValue(s_pondOption),
                SharePort = parseResult.GetValue(s_sharePortOption),
                ShareTtl = parseResult.GetValue(s_shareTtlOption) ?? PondPeersInvocation.DefaultShareTtl,
                Json = parseResult.GetValue(s_jsonOption),
            },
            cancellationToken);

    // Any Go duration: the range is the provider's business (Islo's client clamps it), as in the reference.
    private static TimeSpan? ParseTtl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (GoDuration.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"invalid duration \"{text}\" for --share-ttl: use a Go duration such as 90s, 30m or 24h");
        return null;
    }
}
