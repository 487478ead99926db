using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Output;
using Crabbox.Islo.Emulator;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox islo-emulator</c>: run the Islo-compatible emulator standalone.</summary>
internal sealed class IsloEmulatorCommand : CrabboxCommand
{
    private static readonly Option<string> s_listenOption = new("--listen")
    {
        Description = "Loopback address and port to listen on; port 0 picks a free port",
        HelpName = "host:port",
        DefaultValueFactory = _ => "127.0.0.1:0",
    };

    private static readonly Option<string?> s_stateOption = new("--state")
    {
        Description = "Folder for sandboxes and snapshots (default <state dir>/islo-emulator); survives restarts",
        HelpName = "dir",
    };

    private static readonly Option<SandboxIsolation> s_isolationOption = new("--isolation")
    {
        Description = "How commands are isolated: Auto (bubblewrap when installed), Bubblewrap (required) or Host (no isolation, loud warning)",
        DefaultValueFactory = _ => SandboxIsolation.Auto,
    };

    private static readonly Option<bool> s_verboseOption = new("--verbose")
    {
        Description = "Log one line per request to stderr",
    };

    private readonly EmulatorService _service;

    public IsloEmulatorCommand(IConsole console, EmulatorService service)
        : base("islo-emulator", "Serve an Islo-compatible API on loopback (sandboxes run under bubblewrap); prints ISLO_BASE_URL and ISLO_API_KEY", console)
    {
        _service = service;
        Options.Add(s_listenOption);
        Options.Add(s_stateOption);
        Options.Add(s_isolationOption);
        Options.Add(s_verboseOption);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        _service.ServeAsync(
            parseResult.GetValue(s_listenOption) ?? "127.0.0.1:0",
            parseResult.GetValue(s_stateOption),
            parseResult.GetValue(s_isolationOption),
            parseResult.GetValue(s_verboseOption),
            cancellationToken);
}
