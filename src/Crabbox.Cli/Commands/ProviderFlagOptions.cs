using System.CommandLine;
using Crabbox.Core.Config;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Commands;

/// <summary>
/// The flags every lease command shares: <c>--provider</c> and every registered provider's own
/// flags (e.g. <c>--islo-base-url</c>), turned into the configuration's flag layer.
/// </summary>
internal sealed class ProviderFlagOptions
{
    private readonly Option<string?> _provider = CommonOptions.Provider();
    private readonly List<(ProviderFlag Flag, Option<string[]> Option)> _flags = [];

    public ProviderFlagOptions(ProviderRegistry registry)
    {
        foreach (var flag in registry.Providers.SelectMany(p => p.Flags).DistinctBy(f => f.Name, StringComparer.Ordinal))
        {
            _flags.Add((flag, new Option<string[]>(flag.Name)
            {
                Description = flag.Description,
                HelpName = flag.Kind == ConfigValueKind.StringList ? "value,..." : "value",
            }));
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_provider);
        foreach (var (_, option) in _flags)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The flag layer for this invocation, in command-line order per flag.</summary>
    public IReadOnlyList<FlagValue> Collect(ParseResult parseResult, params IEnumerable<FlagValue> extra)
    {
        var values = new List<FlagValue>();
        if (parseResult.GetValue(_provider) is { } provider)
        {
            values.Add(new FlagValue(CoreConfigKeys.Provider, "--provider", provider));
        }

        foreach (var (flag, option) in _flags)
        {
            foreach (var value in parseResult.GetValue(option) ?? [])
            {
                values.Add(new FlagValue(flag.ConfigKey, flag.Name, value));
            }
        }

        values.AddRange(extra);
        return values;
    }
}
