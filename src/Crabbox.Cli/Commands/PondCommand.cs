using System.CommandLine;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox pond</c>: commands about the sandboxes grouped into one pond (<c>--pond</c> at warmup or run).</summary>
internal sealed class PondCommand : Command
{
    public PondCommand(PondPeersCommand peers)
        : base("pond", "Work with the sandboxes of a pond (the group --pond puts a lease in)")
    {
        Subcommands.Add(peers);
    }
}
