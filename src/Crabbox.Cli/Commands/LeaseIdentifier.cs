using Crabbox.Core;

namespace Crabbox.Cli.Commands;

/// <summary>The lease a command acts on, given as <c>--id</c> or as the single positional argument.</summary>
internal static class LeaseIdentifier
{
    public static string? Optional(string? option, string? positional, string command)
    {
        if (!string.IsNullOrWhiteSpace(option) && !string.IsNullOrWhiteSpace(positional))
        {
            throw CrabboxException.Usage($"usage: crabbox {command} --id <lease> (give the lease once, not both as --id and as an argument)");
        }

        var id = string.IsNullOrWhiteSpace(option) ? positional : option;
        return string.IsNullOrWhiteSpace(id) ? null : id.Trim();
    }

    public static string Required(string? option, string? positional, string command) =>
        Optional(option, positional, command)
        ?? throw CrabboxException.Usage($"usage: crabbox {command} --id <lease> (a slug, lease id or sandbox name; 'crabbox list' shows them)");
}
