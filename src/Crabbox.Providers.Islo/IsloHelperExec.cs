using System.Text;
using Crabbox.Core;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Runs crabbox's own shell steps in a sandbox (<c>bash -lc &lt;command&gt;</c>, no workdir): their
/// stdout is dropped (or returned, for a listing), remote stderr goes to crabbox's stderr. Errors name
/// the command, or the label given for it (long generated scripts), and archive chunks are shown as
/// <c>append archive chunk</c> so archive data never reaches a message.
/// </summary>
internal sealed class IsloHelperExec(IsloRuntime runtime)
{
    /// <summary>
    /// Runs <paramref name="command"/> as <paramref name="user"/> (null = the image's user). A transport
    /// or stream failure keeps its exit code with <c>islo exec "&lt;cmd&gt;": &lt;err&gt;</c>; a non-zero
    /// exit N throws exit N <c>islo exec "&lt;cmd&gt;" exited N</c>.
    /// </summary>
    public Task RunAsync(string sandbox, string command, string? user, CancellationToken cancellationToken) =>
        RunAsync(sandbox, command, user, label: null, Stream.Null, cancellationToken);

    /// <summary>Like <see cref="RunAsync(string, string, string?, CancellationToken)"/>, but errors show <paramref name="label"/> instead of the command.</summary>
    public Task RunAsync(string sandbox, string command, string? user, string label, CancellationToken cancellationToken) =>
        RunAsync(sandbox, command, user, label, Stream.Null, cancellationToken);

    /// <summary>Runs <paramref name="command"/> and returns its stdout (UTF-8); errors show <paramref name="label"/>.</summary>
    public async Task<string> RunForOutputAsync(string sandbox, string command, string? user, string label, CancellationToken cancellationToken)
    {
        using var stdout = new MemoryStream();
        await RunAsync(sandbox, command, user, label, stdout, cancellationToken);
        return Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length);
    }

    /// <summary>The command as errors show it: base64 chunk appends are summarized.</summary>
    internal static string Shown(string command) =>
        command.StartsWith("printf %s ", StringComparison.Ordinal) && command.Contains(" >> ", StringComparison.Ordinal)
            ? "append archive chunk"
            : command;

    private async Task RunAsync(string sandbox, string command, string? user, string? label, Stream stdout, CancellationToken cancellationToken)
    {
        var shown = label ?? Shown(command);
        int exitCode;
        try
        {
            exitCode = await runtime.Client.ExecStreamAsync(
                sandbox,
                new IsloExecRequest { Command = ["bash", "-lc", command], User = user },
                stdout,
                runtime.Console.StandardError,
                cancellationToken);
        }
        catch (CrabboxException ex)
        {
            throw new CrabboxException(ex.ExitCode, $"islo exec \"{shown}\": {ex.Message}", ex);
        }

        if (exitCode != 0)
        {
            throw new CrabboxException(exitCode, $"islo exec \"{shown}\" exited {exitCode}");
        }
    }
}
