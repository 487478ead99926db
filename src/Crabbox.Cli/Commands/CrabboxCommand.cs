using System.CommandLine;
using Crabbox.Core;
using Crabbox.Core.Output;

namespace Crabbox.Cli.Commands;

/// <summary>
/// Base of every crabbox command: the one place where a command's end becomes an exit code and
/// at most one <c>crabbox: ...</c> line on stderr. Stack traces only with <c>--debug</c>.
/// </summary>
internal abstract class CrabboxCommand : Command
{
    private readonly IConsole _console;

    protected CrabboxCommand(string name, string description, IConsole console)
        : base(name, description)
    {
        _console = console;
        SetAction(InvokeAsync);
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var debug = parseResult.GetValue(GlobalOptions.Debug);
        try
        {
            return await ExecuteAsync(parseResult, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _console.Error.WriteLineAsync("crabbox: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (CrabboxException error)
        {
            await ReportAsync(error.Message, error, debug);
            return error.ExitCode;
        }
        catch (Exception error)
        {
            await ReportAsync(error.Message, error, debug);
            if (!debug)
            {
                await _console.Error.WriteLineAsync("crabbox: rerun with --debug for a stack trace");
            }

            return ExitCodes.Failure;
        }
    }

    private async Task ReportAsync(string message, Exception error, bool debug)
    {
        if (message.Length > 0)
        {
            await _console.Error.WriteLineAsync("crabbox: " + message);
        }

        if (debug)
        {
            await _console.Error.WriteLineAsync(error.ToString());
        }
    }
}
