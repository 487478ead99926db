using System.Globalization;
using Crabbox.Core.Output;

namespace Crabbox.Core.Repo;

/// <summary>
/// The large-sync preflight: evaluates the limits over the full candidate, narrates the candidate
/// size on stderr and stops an oversized sync with exit code 6 unless large syncs are allowed.
/// </summary>
public static class SyncGuardrails
{
    public const string Hint =
        "sync hint: add generated paths to .crabboxignore or sync.exclude, or use --force-sync-large when intentional";

    /// <summary>How many protected files the warning line and the plan report name.</summary>
    public const int ProtectedExampleCount = 5;

    private const int TopDirectoryCount = 5;

    public static GuardrailVerdict Evaluate(SyncManifest manifest, SyncSettings settings)
    {
        var files = (long)manifest.Files.Count;
        var reasons = new List<GuardrailReason>();
        Check(reasons, GuardrailMetric.Files, files, settings.WarnFiles, settings.FailFiles, settings.AllowLarge);
        Check(reasons, GuardrailMetric.Bytes, manifest.Bytes, settings.WarnBytes, settings.FailBytes, settings.AllowLarge);
        return new GuardrailVerdict
        {
            Files = files,
            Bytes = manifest.Bytes,
            Limits = GuardrailLimits.From(settings),
            AllowLarge = settings.AllowLarge,
            Status = reasons.Count == 0 ? GuardrailStatus.Ok : reasons.Max(reason => reason.Status),
            Reasons = reasons,
        };
    }

    /// <summary>
    /// Evaluates, then writes to stderr: always <c>sync candidate: N files, SIZE</c> (plus the dirty
    /// delta when there is one), and for crossed thresholds the warning lines, top directories and hint.
    /// </summary>
    /// <exception cref="CrabboxException">Exit code 6 when a hard limit is crossed and large syncs are not allowed.</exception>
    public static GuardrailVerdict Enforce(SyncManifest manifest, SyncSettings settings, IConsole console)
    {
        var verdict = Evaluate(manifest, settings);
        var error = console.Error;
        error.WriteLine(CandidateLine(manifest));
        if (ProtectedWarningLine(manifest) is { } protectedWarning)
        {
            error.WriteLine(protectedWarning);
        }

        foreach (var reason in verdict.Reasons.Where(reason => reason.Status == GuardrailStatus.Warning))
        {
            error.WriteLine($"warning: large sync {verdict.Scope}: {Quantity(reason.Metric, reason.Actual)} >= warning threshold {Limit(reason.Metric, reason.Limit)}");
        }

        if (verdict.Status != GuardrailStatus.Ok)
        {
            WriteTopDirectories(manifest, error);
        }

        var failure = verdict.Reasons.FirstOrDefault(reason => reason.Status == GuardrailStatus.Failed);
        if (failure is not null)
        {
            throw new CrabboxException(
                ExitCodes.Sync,
                $"sync {verdict.Scope} too large: {Quantity(failure.Metric, failure.Actual)} >= limit {Limit(failure.Metric, failure.Limit)}; use --force-sync-large or CRABBOX_SYNC_ALLOW_LARGE=1");
        }

        return verdict;
    }

    /// <summary><c>sync candidate: N files, SIZE</c>, plus <c> dirty_delta=M files, SIZE</c> when dirty.</summary>
    public static string CandidateLine(SyncManifest manifest)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture, $"sync candidate: {manifest.Files.Count} files, {HumanBytes.Format(manifest.Bytes)}");
        return manifest.Changed.Count == 0
            ? line
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{line} dirty_delta={manifest.Changed.Count} files, {HumanBytes.Format(manifest.ChangedBytes)}");
    }

    /// <summary>
    /// <c>warning: protected N tracked files from built-in artifact excludes: path (pattern), ... (+K more)</c>
    /// with at most five examples, or null when no tracked file was protected.
    /// </summary>
    public static string? ProtectedWarningLine(SyncManifest manifest)
    {
        var files = manifest.ProtectedTrackedFiles;
        if (files.Count == 0)
        {
            return null;
        }

        var examples = string.Join(", ", files.Take(ProtectedExampleCount).Select(file => $"{file.Path} ({file.Pattern})"));
        var more = files.Count > ProtectedExampleCount
            ? string.Create(CultureInfo.InvariantCulture, $" (+{files.Count - ProtectedExampleCount} more)")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"warning: protected {files.Count} tracked files from built-in artifact excludes: {examples}{more}");
    }

    private static void Check(
        List<GuardrailReason> reasons, GuardrailMetric metric, long actual, long warn, long fail, bool allowLarge)
    {
        if (!allowLarge && fail > 0 && actual >= fail)
        {
            reasons.Add(new GuardrailReason(GuardrailStatus.Failed, metric, actual, fail));
        }
        else if (warn > 0 && actual >= warn)
        {
            reasons.Add(new GuardrailReason(GuardrailStatus.Warning, metric, actual, warn));
        }
    }

    private static string Quantity(GuardrailMetric metric, long value) =>
        metric == GuardrailMetric.Files
            ? value.ToString(CultureInfo.InvariantCulture) + " files"
            : HumanBytes.Format(value);

    private static string Limit(GuardrailMetric metric, long value) =>
        metric == GuardrailMetric.Files ? value.ToString(CultureInfo.InvariantCulture) : HumanBytes.Format(value);

    private static void WriteTopDirectories(SyncManifest manifest, TextWriter error)
    {
        var top = TopDirectories.ByCount(manifest.Files, TopDirectoryCount)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}:{pair.Value}"));
        error.WriteLine("sync top dirs: " + string.Join(',', top));
        error.WriteLine(Hint);
    }
}
