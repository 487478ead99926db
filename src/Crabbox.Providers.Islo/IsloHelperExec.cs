using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Runs crabbox's own shell steps in a sandbox (<c>bash -lc &lt;command&gt;</c>, no workdir): their
/// stdout is dropped, remote stderr goes to crabbox's stderr. Errors name the command, except
/// archive chunks, which are shown as <c>append archive chunk</c> so archive data never reaches a message.
/// </summary>
internal sealed class IsloHelperExec(IsloRuntime runtime)
{
    /// <summary>
    /// Runs <paramref name="command"/> as <paramref name="user"/> (null = the image's user). A transport
    /// or stream failure keeps its exit code with <c>islo exec "&lt;cmd&gt;": &lt;err&gt;</c>; a non-zero
    /// exit N throws exit N <c>islo exec "&lt;cmd&gt;" exited N</c>.
    /// </summary>
    public async Task RunAsync(string sandbox, string command, string? user, CancellationToken cancellationToken)
    {
        int exitCode;
        try
        {
            exitCode = await runtime.Client.ExecStreamAsync(
                sandbox,
                new IsloExecRequest { Command = ["bash", "-lc", command], User = user },
                Stream.Null,
                runtime.Console.StandardError,
                cancellationToken);
        }
        catch (CrabboxException ex)
        {
            throw new CrabboxException(ex.ExitCode, $"islo exec \"{Shown(command)}\": {ex.Message}", ex);
        }

        if (exitCode != 0)
        {
            throw new CrabboxException(exitCode, $"islo exec \"{Shown(command)}\" exited {exitCode}");
        }
    }

    /// <summary>The command as errors show it: base64 chunk appends are summarized.</summary>
    internal static string Shown(string command) =>
        command.StartsWith("printf %s ", StringComparison.Ordinal) && command.Contains(" >> ", StringComparison.Ordinal)
            ? "append archive chunk"
            : command;
}
