using System.CommandLine;
using System.CommandLine.Parsing;
using Crabbox.Core.Output;

namespace Crabbox.Cli.Commands;

/// <summary>Factories for options several commands share, so each command owns its own instances.</summary>
internal static class CommonOptions
{
    public static Option<string?> Provider() => new("--provider")
    {
        Description = "Provider to use (see 'crabbox providers'); defaults to CRABBOX_PROVIDER, then the provider: key of crabbox.yaml or your user config",
        HelpName = "name",
    };

    public static Option<string?> Id() => new("--id")
    {
        Description = "Lease to use: its slug, lease id (isb_...) or sandbox name",
        HelpName = "lease",
    };

    /// <summary>The lease as a positional argument, the alternative to <c>--id</c>.</summary>
    public static Argument<string?> IdArgument() => new("lease")
    {
        Description = "Lease slug, lease id or sandbox name (or use --id)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<bool> Reclaim() => new("--reclaim")
    {
        Description = "Take over a lease claimed by another checkout (or adopt an unclaimed crabbox sandbox)",
    };

    public static Option<bool> Json(string what) => new("--json")
    {
        Description = $"Print {what} as one line of JSON on stdout",
    };

    public static Option<bool> TimingJson() => new("--timing-json")
    {
        Description = "Print a one-line JSON timing report as the last line on stderr",
    };

    public static Option<string?> Slug() => new("--slug")
    {
        Description = "Friendly name for a new lease (letters, digits and dashes; at most 41 characters)",
        HelpName = "slug",
    };

    public static Option<string?> Pond() => new("--pond")
    {
        Description = "Group the lease into a named pond (shown in list and usable as a filter)",
        HelpName = "pond",
    };

    /// <summary>
    /// A Go-syntax duration (<c>90s</c>, <c>5m</c>, <c>1h30m</c>) that must be positive; null when not
    /// given (callers apply their default, which the description names in Go syntax).
    /// </summary>
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result => ParseDuration(result, name),
    };

    private static TimeSpan? ParseDuration(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (GoDuration.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"invalid duration \"{text}\" for {name}: use a positive Go duration such as 90s, 5m or 1h30m");
        return null;
    }
}
