namespace Crabbox.Testing;

/// <summary>Locates the solution folder and the shared benchmark scripts next to it.</summary>
public static class SolutionPaths
{
    /// <summary>The folder holding <c>Crabbox.sln</c>, found by walking up from the test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Crabbox.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"Crabbox.sln not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>
    /// <c>shared/bench/make-repo.py</c>: at <c>../shared</c> from the solution root in CI, and
    /// further up for checkouts nested one level deeper (git worktrees).
    /// </summary>
    public static string MakeRepoScript
    {
        get
        {
            for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "bench", "make-repo.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"shared/bench/make-repo.py not found above {Root}");
        }
    }
}
