using System.CommandLine;
using System.CommandLine.Parsing;
using Crabbox.Cli.Commands;
using Crabbox.Core;
using Crabbox.Core.Output;

namespace Crabbox.Cli;

/// <summary>
/// Parses and invokes one command line. Parse errors become exit 2 with one <c>crabbox: ...</c>
/// line and a pointer to help; everything else is the command's own outcome.
/// </summary>
internal sealed class CliApplication(CrabboxRootCommand root, IConsole console)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // crabbox handles SIGINT/SIGTERM itself so cleanup can outlive System.CommandLine's 2 s grace period.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        if (args.Count == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(configuration, cancellationToken);
            await console.Error.WriteLineAsync("crabbox: missing command");
            return ExitCodes.Usage;
        }

        var valueOptions = root.Run.ValueOptionNames().ToHashSet(StringComparer.Ordinal);
        var normalized = RunArgumentNormalizer.Normalize(args, valueOptions);
        var parseResult = root.Parse(normalized, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync("crabbox: " + error.Message);
            }

            await console.Error.WriteLineAsync($"crabbox: run '{CommandPath(parseResult.CommandResult)} --help' for usage");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary><c>crabbox</c> followed by the command's ancestors and name (<c>crabbox pond peers</c>).</summary>
    private string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command && command.Command != root; current = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        names.Insert(0, "crabbox");
        return string.Join(' ', names);
    }
}
