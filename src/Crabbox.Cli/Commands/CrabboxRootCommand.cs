using System.CommandLine;

namespace Crabbox.Cli.Commands;

/// <summary>The <c>crabbox</c> root: global options and the top-level commands, in help order.</summary>
internal sealed class CrabboxRootCommand : RootCommand
{
    public CrabboxRootCommand(
        RunCommand run,
        WarmupCommand warmup,
        StatusCommand status,
        ListCommand list,
        StopCommand stop,
        PauseCommand pause,
        ResumeCommand resume,
        SshCommand ssh,
        SyncPlanCommand syncPlan,
        PondCommand pond,
        ProvidersCommand providers,
        IsloEmulatorCommand isloEmulator)
        : base("crabbox runs your repository's commands on disposable sandboxes and streams the result back.\n"
            + "Example: crabbox run --provider local -- dotnet test")
    {
        Options.Add(GlobalOptions.Debug);
        Command[] commands = [run, warmup, status, list, stop, pause, resume, ssh, pond, syncPlan, providers, isloEmulator];
        foreach (var command in commands)
        {
            Subcommands.Add(command);
        }

        Run = run;
    }

    public RunCommand Run { get; }
}
