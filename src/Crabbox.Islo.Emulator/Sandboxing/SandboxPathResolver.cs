using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Turns an absolute sandbox path into a host path the way the kernel would inside the sandbox:
/// component by component, following symbolic links with sandbox semantics (an absolute link
/// target is a sandbox path). Host-side file operations go through here so that a link planted
/// in the workspace (<c>ln -s /etc/shadow x</c>) can never make the emulator touch host files.
/// </summary>
internal sealed class SandboxPathResolver(SandboxPaths paths)
{
    private const int MaxLinks = 40;

    /// <summary>
    /// Resolves a path that must end up under <c>/workspace</c>, <c>/tmp</c> or <c>/home/islo</c>;
    /// throws 400 otherwise. Missing components are fine (the result may not exist).
    /// </summary>
    public string Resolve(string sandboxPath, bool followFinalLink) =>
        Resolve(sandboxPath, followFinalLink, static _ => null)
        ?? throw ApiException.Validation($"path {sandboxPath} must be under {SandboxRoots.Workspace}, {SandboxRoots.Tmp} or {SandboxRoots.Home}");

    /// <summary>
    /// Resolves a path; when it leaves the sandbox's own folders, <paramref name="mapOutside"/> gets
    /// the remaining absolute sandbox path and returns its host path (or null to refuse).
    /// </summary>
    public string? Resolve(string sandboxPath, bool followFinalLink, Func<string, string?> mapOutside)
    {
        if (!sandboxPath.StartsWith('/'))
        {
            throw ApiException.Validation($"path {sandboxPath} must be absolute");
        }

        var resolved = new List<string>();
        var pending = new Stack<string>();
        Push(pending, sandboxPath);
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
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            resolved.Add(part);
            var host = MapOwn(resolved);
            if (host is null)
            {
                if (IsPrefixOfRoot(resolved))
                {
                    continue;
                }

                var rest = pending.Where(static p => p is not ("" or ".")).ToList();
                return mapOutside("/" + string.Join('/', resolved.Concat(rest)));
            }

            var isFinal = pending.All(static p => p is "" or ".");
            if ((isFinal && !followFinalLink) || new FileInfo(host).LinkTarget is not { } target)
            {
                continue;
            }

            if (++links > MaxLinks)
            {
                throw ApiException.Validation($"path {sandboxPath}: too many levels of symbolic links");
            }

            resolved.RemoveAt(resolved.Count - 1);
            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            Push(pending, target);
        }

        return MapOwn(resolved) ?? mapOutside("/" + string.Join('/', resolved));
    }

    /// <summary>Maps a lexically normalized sandbox path under the three roots to its host path, without following links.</summary>
    public string? MapLexically(string sandboxPath)
    {
        var parts = new List<string>();
        foreach (var part in sandboxPath.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return sandboxPath.StartsWith('/') ? MapOwn(parts) : null;
    }

    private string? MapOwn(List<string> parts)
    {
        if (parts.Count >= 1 && parts[0] == "workspace")
        {
            return Join(paths.Workspace, parts, 1);
        }

        if (parts.Count >= 1 && parts[0] == "tmp")
        {
            return Join(paths.Tmp, parts, 1);
        }

        if (parts.Count >= 2 && parts[0] == "home" && parts[1] == "islo")
        {
            return Join(paths.Home, parts, 2);
        }

        return null;
    }

    private static bool IsPrefixOfRoot(List<string> parts) => parts.Count == 1 && parts[0] == "home";

    private static string Join(string root, List<string> parts, int skip) =>
        parts.Count == skip ? root : Path.Combine([root, .. parts.Skip(skip)]);

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var index = parts.Length - 1; index >= 0; index--)
        {
            pending.Push(parts[index]);
        }
    }
}
