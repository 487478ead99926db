namespace Crabbox.Core.Repo;

/// <summary>crabbox's default exclude rules, in the reference implementation's order.</summary>
internal static class BuiltInExcludes
{
    /// <summary>Dependency, cache and build-output folders that are never worth shipping.</summary>
    public static IReadOnlyList<string> Patterns { get; } =
    [
        ".git", "._*", "node_modules", ".ignored", ".turbo", ".next", ".vite", ".parcel-cache",
        ".rollup.cache", "dist", "dist-runtime", "coverage", "playwright-report", "test-results",
        ".cache", ".tmp", ".local", ".swiftpm", ".build", "apps/*/.build", ".pnpm-store", ".npm",
        ".yarn/cache", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
        ".gradle", "target",
    ];

    /// <summary>
    /// Built-ins that also name legitimate source folders in some repositories, so they do not
    /// exclude Git-tracked regular files.
    /// </summary>
    public static IReadOnlySet<string> Ambiguous { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "dist", "dist-runtime", "coverage", "playwright-report", "test-results", ".build", "apps/*/.build", "target",
    };

    /// <summary>
    /// crabbox's runtime folders (env files, scripts, logs, captures, run records): matched
    /// case-insensitively from the root and evaluated last, so no rule can re-include them.
    /// </summary>
    public static IReadOnlyList<string> Protected { get; } =
    [
        ".crabbox/env", ".crabbox/scripts", ".crabbox/logs", ".crabbox/captures", ".crabbox/runs",
    ];
}
