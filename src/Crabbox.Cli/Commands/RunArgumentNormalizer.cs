namespace Crabbox.Cli.Commands;

/// <summary>
/// Gives <c>run</c> the reference's argument rule: flags are parsed up to the first word that is
/// not a flag, and that word and everything after it (even words that look like flags) are the
/// command. It inserts the <c>--</c> the parser needs, so <c>crabbox run --keep pnpm test --watch</c>
/// runs <c>pnpm test --watch</c>.
/// </summary>
internal static class RunArgumentNormalizer
{
    public static string[] Normalize(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions)
    {
        var commandIndex = 0;
        while (commandIndex < args.Count && args[commandIndex].StartsWith('-') && args[commandIndex] != "--")
        {
            commandIndex++;
        }

        if (commandIndex >= args.Count || args[commandIndex] != "run")
        {
            return [.. args];
        }

        for (var i = commandIndex + 1; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                return [.. args];
            }

            if (token.Length > 1 && token[0] == '-')
            {
                // Booleans never take the next word (`--keep false` is not a thing; use --keep=false).
                if (!token.Contains('=', StringComparison.Ordinal) && valueOptions.Contains(token))
                {
                    i++;
                }

                continue;
            }

            return [.. args.Take(i), "--", .. args.Skip(i)];
        }

        return [.. args];
    }
}
