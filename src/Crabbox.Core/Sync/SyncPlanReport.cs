using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync;

/// <summary>
/// What <c>crabbox sync-plan</c> prints: the candidate size, exclusions, deletions, the guardrail
/// verdict and the largest files and directories, as text or as one compact JSON object.
/// </summary>
public sealed class SyncPlanReport
{
    public const int DefaultLimit = 20;

    // Paths stay readable (unicode, quotes) instead of \uXXXX escapes; the output is never embedded in HTML.
    private static readonly SyncPlanJsonContext s_json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    private readonly SyncManifest _manifest;
    private readonly GuardrailVerdict _verdict;

    /// <param name="manifest">The manifest to describe.</param>
    /// <param name="verdict">The guardrail verdict over <paramref name="manifest"/>.</param>
    /// <param name="limit">How many top files and directories to list; must be positive.</param>
    public SyncPlanReport(SyncManifest manifest, GuardrailVerdict verdict, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _manifest = manifest;
        _verdict = verdict;
        TopFiles = [.. manifest.Files
            .OrderByDescending(file => file.Size)
            .ThenBy(file => file.Path, StringComparer.Ordinal)
            .Take(limit)
            .Select(file => new KeyValuePair<string, long>(file.Path, file.Size))];
        TopDirs = TopDirectories.ByBytes(manifest.Files, limit);
    }

    /// <summary>The largest entries (path, bytes), largest first then by path.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> TopFiles { get; }

    /// <summary>Bytes per directory key (first two directory components; <c>.</c> for root files), largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> TopDirs { get; }

    /// <summary>Builds the report, evaluating the guardrail with <paramref name="settings"/>.</summary>
    public static SyncPlanReport Create(SyncManifest manifest, SyncSettings settings, int limit = DefaultLimit) =>
        new(manifest, SyncGuardrails.Evaluate(manifest, settings), limit);

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(SyncGuardrails.CandidateLine(_manifest));
        if (SyncGuardrails.ProtectedWarningLine(_manifest) is { } protectedWarning)
        {
            writer.WriteLine(protectedWarning);
        }

        writer.WriteLine(Invariant($"deleted tracked paths: {_manifest.Deleted.Count}"));
        writer.WriteLine(Invariant($"excluded: {_manifest.Exclusions.Files} files"));
        foreach (var rule in _manifest.Exclusions.Rules)
        {
            writer.WriteLine(Invariant($"  {rule.Rule.Pattern} ({rule.Rule.OriginName}): {rule.Files} files"));
        }

        writer.WriteLine(GuardrailLine());
        writer.WriteLine("top files:");
        WriteSizes(writer, TopFiles);
        writer.WriteLine("top dirs:");
        WriteSizes(writer, TopDirs);
    }

    /// <summary>Writes one compact JSON object followed by a newline.</summary>
    public void WriteJson(TextWriter writer)
    {
        writer.WriteLine(JsonSerializer.Serialize(ToDocument(), s_json.SyncPlanDocument));
    }

    /// <summary>Writes one compact UTF-8 JSON object followed by a newline; the stream is left open.</summary>
    public void WriteJson(Stream stream)
    {
        JsonSerializer.Serialize(stream, ToDocument(), s_json.SyncPlanDocument);
        stream.WriteByte((byte)'\n');
    }

    private string GuardrailLine()
    {
        var status = GuardrailVerdict.StatusName(_verdict.Status);
        if (_verdict.Reasons.Count == 0)
        {
            return "guardrail: " + status;
        }

        var reasons = _verdict.Reasons.Select(reason =>
        {
            var threshold = reason.Status == GuardrailStatus.Failed ? "limit" : "warning threshold";
            return reason.Metric == GuardrailMetric.Files
                ? Invariant($"{reason.Actual} files >= {threshold} {reason.Limit}")
                : $"{HumanBytes.Format(reason.Actual)} >= {threshold} {HumanBytes.Format(reason.Limit)}";
        });
        return $"guardrail: {status} ({_verdict.Scope}: {string.Join("; ", reasons)})";
    }

    private static void WriteSizes(TextWriter writer, IReadOnlyList<KeyValuePair<string, long>> sizes)
    {
        foreach (var (path, bytes) in sizes)
        {
            writer.WriteLine($"  {HumanBytes.Format(bytes),-10} {path}");
        }
    }

    private SyncPlanDocument ToDocument()
    {
        var candidate = new SyncPlanSizeJson(_manifest.Files.Count, _manifest.Bytes, HumanBytes.Format(_manifest.Bytes));
        return new SyncPlanDocument(
            Files: candidate.Files,
            Bytes: candidate.Bytes,
            HumanBytes: candidate.HumanBytes,
            Candidate: candidate,
            Excluded: new SyncPlanExcludedJson(
                _manifest.Exclusions.Files,
                [.. _manifest.Exclusions.Rules.Select(rule => new SyncPlanExcludeRuleJson(rule.Rule.Pattern, rule.Rule.OriginName, rule.Files))]),
            Deleted: _manifest.Deleted.Count,
            DeletedTrackedPaths: _manifest.Deleted.Count,
            DirtyDelta: new SyncPlanSizeJson(_manifest.Changed.Count, _manifest.ChangedBytes, HumanBytes.Format(_manifest.ChangedBytes)),
            ProtectedTrackedFiles: new SyncPlanProtectedJson(
                _manifest.ProtectedTrackedFiles.Count,
                [.. _manifest.ProtectedTrackedFiles
                    .Take(SyncGuardrails.ProtectedExampleCount)
                    .Select(file => new SyncPlanProtectedExampleJson(file.Path, file.Pattern))]),
            Guardrail: new SyncPlanGuardrailJson(
                _verdict.Scope,
                _verdict.Files,
                _verdict.Bytes,
                HumanBytes.Format(_verdict.Bytes),
                new SyncPlanLimitsJson(_verdict.Limits.WarnFiles, _verdict.Limits.WarnBytes, _verdict.Limits.FailFiles, _verdict.Limits.FailBytes),
                _verdict.AllowLarge,
                GuardrailVerdict.StatusName(_verdict.Status),
                [.. _verdict.Reasons.Select(reason => new SyncPlanReasonJson(
                    GuardrailVerdict.StatusName(reason.Status), GuardrailVerdict.MetricName(reason.Metric), reason.Actual, reason.Limit))]),
            TopFiles: [.. TopFiles.Select(ToPathSize)],
            TopDirs: [.. TopDirs.Select(ToPathSize)]);
    }

    private static SyncPlanPathSizeJson ToPathSize(KeyValuePair<string, long> pair) =>
        new(pair.Key, pair.Value, HumanBytes.Format(pair.Value));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
