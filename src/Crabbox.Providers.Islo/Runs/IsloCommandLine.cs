using System.Buffers;
using Crabbox.Core;
using Crabbox.Core.Output;

namespace Crabbox.Providers.Islo.Runs;

/// <summary>
/// Turns the user's command into the argv Islo executes. Plain argv is passed as is (no shell
/// re-parsing). <c>--shell</c> joins the words into one <c>bash -lc</c> script. A single word with
/// shell metacharacters (<c>"pnpm install &amp;&amp; pnpm test"</c>) is also sent raw through
/// <c>bash -lc</c>, like crabbox's SSH providers do; the Go islo provider quoted it into one
/// command name instead, which the shell could not find (reference quirk 17.12). Several words
/// that start with an env assignment or contain a control operator are quoted word by word
/// into a script, keeping the operators and <c>NAME=</c> prefixes bare.
/// </summary>
internal static class IsloCommandLine
{
    private static readonly SearchValues<char> s_metacharacters = SearchValues.Create(" \t\r\n&|;<>*$`()");

    private static readonly HashSet<string> s_operators = new(StringComparer.Ordinal) { "&&", "||", ";", "|", ">", ">>", "<", "2>", "2>>" };

    private static readonly HashSet<string> s_commandSeparators = new(StringComparer.Ordinal) { "&&", "||", ";", "|" };

    /// <summary>The argv to execute; exit 2 <c>missing command</c> when empty.</summary>
    public static IReadOnlyList<string> ToArgv(IReadOnlyList<string> command, bool shell)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
        {
            throw CrabboxException.Usage("missing command");
        }

        if (shell)
        {
            return Bash(string.Join(' ', command));
        }

        if (command.Count == 1 && command[0].AsSpan().ContainsAny(s_metacharacters))
        {
            return Bash(command[0]);
        }

        return NeedsShell(command) || StartsWithEnvAssignment(command) ? Bash(Script(command)) : command;
    }

    /// <summary>A leading <c>NAME=value</c> word followed by a command, or any bare control operator.</summary>
    internal static bool NeedsShell(IReadOnlyList<string> command) =>
        (command.Count >= 2 && IsAssignment(command[0])) || command.Any(s_operators.Contains);

    /// <summary>The provider's looser test: at least two words and the first contains <c>=</c> without starting with <c>-</c>.</summary>
    internal static bool StartsWithEnvAssignment(IReadOnlyList<string> command) =>
        command.Count >= 2 && command[0].Contains('=', StringComparison.Ordinal) && !command[0].StartsWith('-');

    /// <summary>Operators stay bare; <c>NAME=value</c> in command position becomes <c>NAME='value'</c>; every other word is quoted.</summary>
    internal static string Script(IReadOnlyList<string> command)
    {
        var words = new List<string>(command.Count);
        var commandPosition = true;
        foreach (var word in command)
        {
            if (s_operators.Contains(word))
            {
                words.Add(word);
                commandPosition |= s_commandSeparators.Contains(word);
            }
            else if (commandPosition && IsAssignment(word))
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                words.Add(word[..(equals + 1)] + ShellQuote.Quote(word[(equals + 1)..]));
            }
            else
            {
                words.Add(ShellQuote.Quote(word));
                commandPosition = false;
            }
        }

        return string.Join(' ', words);
    }

    private static string[] Bash(string script) => ["bash", "-lc", script];

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < equals; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
