namespace Crabbox.Islo.Emulator.Archives;

/// <summary>
/// Decides whether a link extracted into the staging folder would resolve outside the target
/// folder, following links already there (so <c>a -&gt; b/..</c> chains are caught, not just
/// lexical <c>..</c>). Absolute targets are sandbox paths and must lie under the target folder.
/// </summary>
internal static class SymbolicLinkCheck
{
    private const int MaxLinks = 40;

    public static bool Escapes(string stagingRoot, string linkPath, string linkTarget, string targetSandboxPath)
    {
        var resolved = ArchivePath.Split(linkPath);
        resolved.RemoveAt(resolved.Count - 1);
        var pending = new Stack<string>();
        if (!Push(pending, resolved, linkTarget, targetSandboxPath))
        {
            return true;
        }

        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    return true;
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            resolved.Add(part);
            var host = Path.Combine([stagingRoot, .. resolved]);
            if (new FileInfo(host).LinkTarget is not { } next)
            {
                continue;
            }

            if (++links > MaxLinks)
            {
                return true;
            }

            resolved.RemoveAt(resolved.Count - 1);
            if (!Push(pending, resolved, next, targetSandboxPath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Queues a link target; an absolute one restarts from the target folder, or fails when outside it.</summary>
    private static bool Push(Stack<string> pending, List<string> resolved, string target, string targetSandboxPath)
    {
        var parts = target.Split('/');
        if (target.StartsWith('/'))
        {
            var root = ArchivePath.Split(targetSandboxPath);
            var absolute = ArchivePath.Split(target);
            if (absolute.Contains("..") || absolute.Count < root.Count || !absolute.Take(root.Count).SequenceEqual(root))
            {
                return false;
            }

            resolved.Clear();
            parts = [.. absolute.Skip(root.Count)];
        }

        for (var index = parts.Length - 1; index >= 0; index--)
        {
            pending.Push(parts[index]);
        }

        return true;
    }
}
